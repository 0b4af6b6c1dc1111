package dev.selvedge.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A line between a client and a server: a TCP relay that can be cut (every connection dropped, new
 * ones refused) and restored on the same port, or made slow (each answer of the server held back).
 * A store's internet line between the bridge and the shop; a slow mail server.
 */
final class LineSwitch implements AutoCloseable {

    private final int port;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile long replyDelayMillis;

    LineSwitch(int target) throws IOException {
        this(target, freePort());
    }

    /** A line listening on the given port. */
    LineSwitch(int target, int port) throws IOException {
        this.target = target;
        this.port = port;
        up();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** Holds back every piece of the server's answers this long (zero: at once). */
    void delayReplies(Duration delay) {
        replyDelayMillis = delay.toMillis();
    }

    int port() {
        return port;
    }

    synchronized void up() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        listener = server;
        Thread accepting =
                new Thread(
                        () -> {
                            while (!server.isClosed()) {
                                try {
                                    Socket client = server.accept();
                                    Socket shop = new Socket("127.0.0.1", target);
                                    // Without it each request waits out a delayed ACK (40 ms).
                                    client.setTcpNoDelay(true);
                                    shop.setTcpNoDelay(true);
                                    open.add(client);
                                    open.add(shop);
                                    pump(client, shop, false);
                                    pump(shop, client, true);
                                } catch (IOException e) {
                                    // Cut, or the shop is down: the bridge sees a failed send.
                                }
                            }
                        },
                        "line");
        accepting.setDaemon(true);
        accepting.start();
    }

    synchronized void down() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    private void pump(Socket from, Socket to, boolean replies) {
        Thread thread =
                new Thread(
                        () -> {
                            try (InputStream in = from.getInputStream();
                                    OutputStream out = to.getOutputStream()) {
                                byte[] buffer = new byte[8192];
                                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                                    if (replies && replyDelayMillis > 0) {
                                        Thread.sleep(replyDelayMillis);
                                    }
                                    out.write(buffer, 0, n);
                                    out.flush();
                                }
                            } catch (InterruptedException stopped) {
                                Thread.currentThread().interrupt();
                            } catch (IOException closed) {
                                // One side went away.
                            } finally {
                                close(from);
                                close(to);
                            }
                        });
        thread.setDaemon(true);
        thread.start();
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket that is gone already.
        }
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
