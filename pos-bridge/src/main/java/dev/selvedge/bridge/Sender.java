package dev.selvedge.bridge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends the outbox to the shop, oldest first, one event at a time, so that the shop sees a store's
 * events in the order the tills made them; what the shop applied is written down every 100 events
 * or 200 ms (a bridge that restarts in between sends those again, and the shop answers them as
 * duplicates). An event leaves the outbox only when the shop has answered it: 200 (applied, or
 * applied before) or 400/422 (refused for good: the shop keeps it for its staff). Anything else (no
 * line, the shop restarting, a refused key) is tried again after a pause that grows up to {@code
 * maxPause}, without skipping ahead.
 */
final class Sender implements Runnable {

    private static final Logger LOG = Logger.getLogger(Sender.class.getName());

    private final Outbox outbox;
    private final URI events;
    private final URI heartbeats;
    private final String key;
    private final Duration maxPause;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private static final int READ_AHEAD = 100;
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
                if (ahead.isEmpty()) {
                    ahead.addAll(outbox.pendingAfter(answeredUpTo, READ_AHEAD));
                }
                if (ahead.isEmpty()) {
                    markSent();
                    synchronized (wake) {
                        wake.wait(500);
                    }
                    continue;
                }
                Outbox.Pending event = ahead.peek();
                if (send(event)) {
                    ahead.poll();
                    answeredUpTo = event.seq();
                    pause = 100;
                    if (answered.size() >= MARK_EVERY
                            || System.nanoTime() - markedAt > MARK_NANOS) {
                        markSent();
                    }
                } else {
                    markSent();
                    outbox.attempted(event.seq());
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

    /** True when the shop answered the event for good. */
    private boolean send(Outbox.Pending event) throws SQLException, InterruptedException {
        HttpResponse<String> response;
        try {
            response =
                    http.send(
                            HttpRequest.newBuilder(events)
                                    .timeout(Duration.ofSeconds(15))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + key)
                                    .POST(HttpRequest.BodyPublishers.ofString(event.body()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            lineUp = false;
            lastProblem = "No answer from the shop: " + e;
            return false;
        }
        lineUp = true;
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
