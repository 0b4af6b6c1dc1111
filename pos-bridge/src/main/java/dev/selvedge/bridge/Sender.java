package dev.selvedge.bridge;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends the outbox to the shop, oldest first, in batches of up to 100 events that the shop applies
 * in order in one transaction (a backlog after a line cut clears fast), so that the shop sees a
 * store's events in the order the tills made them; what the shop applied is written down every 100
 * events or 200 ms (a bridge that restarts in between sends those again, and the shop answers them
 * as duplicates). An event leaves the outbox only when the shop has answered it: 200 (applied, or
 * applied before) or 400/422 (refused for good: the shop keeps it for its staff). Anything else (no
 * line, the shop restarting, a refused key) is tried again after a pause that grows up to {@code
 * maxPause}, without skipping ahead.
 */
final class Sender implements Runnable {

    private static final Logger LOG = Logger.getLogger(Sender.class.getName());

    private final Outbox outbox;
    private final URI events;
    private final URI eventBatches;
    private final URI heartbeats;
    private final String key;
    private final Duration maxPause;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private static final int READ_AHEAD = 200;
    // What one request to the shop carries: at most 100 events, and well within its 64 KB.
    private static final int BATCH_EVENTS = 100;
    private static final int BATCH_BYTES = 48 * 1024;
    private static final java.util.Set<Integer> ONE_BY_ONE = java.util.Set.of(400, 404, 405, 413);
    private static final int MARK_EVERY = 100;
    private static final long MARK_NANOS = 200_000_000L;

    private final Object wake = new Object();
    // Applied by the shop, not yet written down (only the sender's thread touches these).
    private final List<Outbox.Answered> answered = new ArrayList<>();
    private long markedAt = System.nanoTime();
    private volatile boolean running = true;
    private volatile String lastProblem = "";
    private volatile boolean lineUp = true;

    Sender(Outbox outbox, URI server, String key, Duration maxPause) {
        this.outbox = outbox;
        this.events = server.resolve("/api/v1/pos/events");
        this.eventBatches = server.resolve("/api/v1/pos/event-batches");
        this.heartbeats = server.resolve("/api/v1/pos/heartbeats");
        this.key = key;
        this.maxPause = maxPause;
    }

    /** New events were queued: send without waiting for the next look. */
    void wake() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    void stop() {
        running = false;
        wake();
    }

    String lastProblem() {
        return lastProblem;
    }

    boolean lineUp() {
        return lineUp;
    }

    @Override
    public void run() {
        long pause = 100;
        // Events read ahead, and the last one the shop answered: the sender is the only one that
        // moves past an event, so it need not read the outbox again for each.
        Deque<Outbox.Pending> ahead = new ArrayDeque<>();
        long answeredUpTo = 0;
        while (running) {
            try {
                if (ahead.size() < BATCH_EVENTS) {
                    ahead.addAll(
                            outbox.pendingAfter(
                                    ahead.isEmpty() ? answeredUpTo : ahead.peekLast().seq(),
                                    READ_AHEAD - ahead.size()));
                }
                if (ahead.isEmpty()) {
                    markSent();
                    synchronized (wake) {
                        wake.wait(500);
                    }
                    continue;
                }
                List<Outbox.Pending> batch = batch(ahead);
                int done = batch.size() == 1 ? (send(batch.get(0)) ? 1 : 0) : send(batch);
                for (int i = 0; i < done; i++) {
                    answeredUpTo = ahead.poll().seq();
                }
                if (done > 0) {
                    pause = 100;
                    if (answered.size() >= MARK_EVERY
                            || System.nanoTime() - markedAt > MARK_NANOS) {
                        markSent();
                    }
                }
                if (done < batch.size()) {
                    markSent();
                    outbox.attempted(batch.get(done).seq());
                    sleep(pause);
                    pause = Math.min(pause * 2, maxPause.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException e) {
                lastProblem = "Outbox: " + e.getMessage();
                LOG.severe(lastProblem);
                // Read again from what the outbox holds.
                ahead.clear();
                answeredUpTo = 0;
                sleep(1000);
            } catch (RuntimeException e) {
                // The sender never stops while the bridge runs: a store whose heartbeats go on
                // while its events do not would look alive and sell stock it no longer has.
                lastProblem = "Sender: " + e;
                LOG.log(java.util.logging.Level.SEVERE, lastProblem, e);
                ahead.clear();
                answeredUpTo = 0;
                sleep(pause);
                pause = Math.min(pause * 2, maxPause.toMillis());
            }
        }
        try {
            markSent();
        } catch (SQLException e) {
            LOG.warning(
                    "Outbox: " + e.getMessage() + " (those events are sent again, as duplicates)");
        }
    }

    /**
     * Writes down the events the shop applied since the last time, in one transaction. Until then a
     * restart of the bridge sends them again, which the shop answers as duplicates.
     */
    private void markSent() throws SQLException {
        if (!answered.isEmpty()) {
            outbox.sent(answered);
            answered.clear();
        }
        markedAt = System.nanoTime();
    }

    /** Tells the shop this store's feed is alive, so that its stock keeps counting online. */
    void heartbeat() {
        try {
            int status =
                    http.send(
                                    HttpRequest.newBuilder(heartbeats)
                                            .timeout(Duration.ofSeconds(10))
                                            .header("Authorization", "Bearer " + key)
                                            .POST(HttpRequest.BodyPublishers.noBody())
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode();
            lineUp = true;
            if (status != 204) {
                lastProblem = "The shop answered " + status + " to a heartbeat";
            }
        } catch (IOException e) {
            lineUp = false;
            lastProblem = "No answer from the shop: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The oldest events waiting, as many as one request to the shop carries. */
    private static List<Outbox.Pending> batch(Deque<Outbox.Pending> ahead) {
        List<Outbox.Pending> batch = new ArrayList<>();
        int bytes = 0;
        for (Outbox.Pending event : ahead) {
            bytes += event.body().getBytes(StandardCharsets.UTF_8).length + 1;
            if (batch.size() == BATCH_EVENTS || (!batch.isEmpty() && bytes > BATCH_BYTES)) {
                break;
            }
            batch.add(event);
        }
        return batch;
    }

    /**
     * Sends events together, oldest first; how many of them (from the first) the shop answered for
     * good. A batch the shop cannot read is sent one event at a time instead.
     */
    private int send(List<Outbox.Pending> batch) throws SQLException, InterruptedException {
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i < batch.size(); i++) {
            body.append(i == 0 ? "" : ",").append(batch.get(i).body());
        }
        body.append("]}");
        HttpResponse<String> response = post(eventBatches, body.toString());
        if (response == null) {
            return 0;
        }
        if (ONE_BY_ONE.contains(response.statusCode())) {
            // The shop cannot read the batch, is too old to take batches, or finds it too large:
            // the same events one at a time, in order.
            LOG.warning(
                    "The shop answered "
                            + response.statusCode()
                            + " to a batch; sending its events one by one");
            int done = 0;
            while (done < batch.size() && send(batch.get(done))) {
                done++;
            }
            return done;
        }
        if (response.statusCode() != 200) {
            lastProblem =
                    "The shop answered "
                            + response.statusCode()
                            + " to a batch from "
                            + batch.get(0).eventId()
                            + ": "
                            + response.body();
            LOG.warning(lastProblem);
            return 0;
        }
        List<JsonObject> results = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            for (JsonValue result : reader.readObject().getJsonArray("results")) {
                results.add(result.asJsonObject());
            }
        } catch (RuntimeException e) {
            // Not the shop's answer (a proxy's page, a cut answer): nothing is taken as done.
            lastProblem = "The shop's answer to a batch is not what it should be: " + e;
            LOG.warning(lastProblem);
            return 0;
        }
        for (int i = 0; i < batch.size(); i++) {
            Outbox.Pending event = batch.get(i);
            JsonObject result = i < results.size() ? results.get(i) : null;
            String status = result == null ? "" : result.getString("status", "");
            if (status.equals("APPLIED") || status.equals("DUPLICATE")) {
                answered.add(new Outbox.Answered(event.seq(), result.toString()));
            } else if (status.equals("REJECTED")) {
                markSent();
                outbox.rejected(event.seq(), result.toString());
                LOG.warning("The shop refused event " + event.eventId() + ": " + result);
            } else {
                lastProblem = "The shop did not apply " + event.eventId() + ": " + result;
                LOG.warning(lastProblem);
                return i;
            }
        }
        return batch.size();
    }

    /** The shop's answer to a POST, or null when there was none (the line is down). */
    private HttpResponse<String> post(URI uri, String body) throws InterruptedException {
        try {
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(15))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + key)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            lineUp = true;
            return response;
        } catch (IOException e) {
            lineUp = false;
            lastProblem = "No answer from the shop: " + e;
            return null;
        }
    }

    /** True when the shop answered the event for good. */
    private boolean send(Outbox.Pending event) throws SQLException, InterruptedException {
        HttpResponse<String> response = post(events, event.body());
        if (response == null) {
            return false;
        }
        int status = response.statusCode();
        if (status == 200) {
            answered.add(new Outbox.Answered(event.seq(), response.body()));
            return true;
        }
        if (status == 400 || status == 422) {
            markSent();
            outbox.rejected(event.seq(), response.body());
            LOG.warning("The shop refused event " + event.eventId() + ": " + response.body());
            return true;
        }
        lastProblem =
                "The shop answered " + status + " to " + event.eventId() + ": " + response.body();
        LOG.warning(lastProblem);
        return false;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
