package dev.selvedge.bridge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The bridge's HTTP endpoint on the store's own network, for tills that post their events: {@code
 * POST /events} (one event or an array) answers 202 once they are on disk; {@code GET /status}
 * tells what waits, what went and whether the line to the shop is up.
 */
final class LocalEndpoint implements AutoCloseable {

    private final HttpServer server;

    LocalEndpoint(InetSocketAddress address, Outbox outbox, EventFiles files, Sender sender)
            throws IOException {
        // Without TCP_NODELAY each answer waits out the client's delayed ACK (40 ms here).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(address, 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext(
                "/events",
                exchange -> {
                    if (!exchange.getRequestMethod().equals("POST")) {
                        answer(exchange, 405, error("POST events here"));
                        return;
                    }
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    try {
                        int queued = 0;
                        int repeats = 0;
                        for (EventFiles.Event event : files.json(body)) {
                            if (outbox.add(event.eventId(), event.json())) {
                                queued++;
                            } else {
                                repeats++;
                            }
                        }
                        sender.wake();
                        answer(
                                exchange,
                                202,
                                Json.createObjectBuilder()
                                        .add("queued", queued)
                                        .add("alreadyQueued", repeats)
                                        .build()
                                        .toString());
                    } catch (IllegalArgumentException e) {
                        answer(exchange, 400, error(e.getMessage()));
                    } catch (Exception e) {
                        answer(exchange, 503, error("Could not queue: " + e.getMessage()));
                    }
                });
        server.createContext(
                "/status",
                exchange -> {
                    try {
                        Outbox.Counts counts = outbox.counts();
                        answer(
                                exchange,
                                200,
                                Json.createObjectBuilder()
                                        .add("pending", counts.pending())
                                        .add("sent", counts.sent())
                                        .add("rejected", counts.rejected())
                                        .add("lineUp", sender.lineUp())
                                        .add("lastProblem", sender.lastProblem())
                                        .build()
                                        .toString());
                    } catch (Exception e) {
                        answer(exchange, 503, error(e.getMessage()));
                    }
                });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static String error(String message) {
        return Json.createObjectBuilder()
                .add("error", message == null ? "unknown" : message)
                .build()
                .toString();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
