package dev.selvedge.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Bytes sent as they are on one connection to the test server, and everything it answers until it
 * closes the connection or falls silent: for requests no HTTP client library will send (a TRACE
 * with a body, two requests back to back).
 */
final class RawHttp {

    private RawHttp() {}

    static String exchange(String request) {
        return exchangeFrom("127.0.0.1", request);
    }

    /**
     * The same from another loopback address (127.0.0.2 and up), which the server sees as another
     * client: the suite's own address is exempt from the per-client limits.
     */
    static String exchangeFrom(String localAddress, String request) {
        try (Socket socket =
                new Socket(
                        java.net.InetAddress.getByName("127.0.0.1"),
                        Integer.parseInt(System.getProperty("it.http.port")),
                        java.net.InetAddress.getByName(localAddress),
                        0)) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException silent) {
                // The server kept the connection open and said nothing more.
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many HTTP answers (status lines) a raw exchange holds. */
    static long answers(String raw) {
        return raw.lines().filter(l -> l.matches("HTTP/1\\.[01] \\d{3}.*")).count();
    }
}
