package dev.selvedge.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store's internet line between the bridge and the shop: a TCP relay that can be cut (every
 * connection dropped, new ones refused) and restored on the same port.
 */
final class LineSwitch implements AutoCloseable {

    private final int port;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    LineSwitch(int target) throws IOException {
        this.target = target;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        up();
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
                                    pump(client, shop);
                                    pump(shop, client);
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

    private void pump(Socket from, Socket to) {
        Thread thread =
                new Thread(
                        () -> {
                            try (InputStream in = from.getInputStream();
                                    OutputStream out = to.getOutputStream()) {
                                in.transferTo(out);
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
