package dev.selvedge.inventory;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A store's events sent together ({@code {"events":[...]}}, oldest first), as a store bridge sends
 * its backlog: applied in one transaction and one commit, which is what lets a store catch up after
 * its line comes back, and what the door's throughput rests on under load (one request, one
 * transaction and one commit carry many events). Each event gets its own answer. A refused event is
 * kept for staff like one sent alone and does not hold up the others; should the database fail on
 * the batch, its events are applied one by one, and those after one that could not be applied are
 * answered as not applied, to be sent again in order.
 */
@ApplicationScoped
public class PosEventBatches {

    private static final Logger LOG = Logger.getLogger(PosEventBatches.class.getName());

    // The door's 64 KB body limit bounds the lines of a batch as well.
    public static final int MAX_EVENTS = 100;
    private static final int AT_ONCE = 4;
    private static final long WAIT_SECONDS = 10;

    private final Semaphore running = new Semaphore(AT_ONCE, true);

    @EJB private PosEventService events;

    @EJB private PosDeadLetters deadLetters;

    /**
     * One outcome per event, in the order sent; an outcome with neither answer nor refusal was not
     * applied (send it again, with those after it).
     */
    public List<PosEventService.Outcome> apply(PosTerminal terminal, String body) {
        List<String> texts = split(body);
        List<PosEventService.Outcome> outcomes = new ArrayList<>();
        List<PosEvent> parsed = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (String text : texts) {
            try {
                PosEvent event = PosDeadLetters.parse(text);
                parsed.add(event);
                at.add(outcomes.size());
                outcomes.add(null);
            } catch (PosEventRejected e) {
                outcomes.add(new PosEventService.Outcome(idIn(text), null, e));
            }
        }
        List<PosEventService.Outcome> applied = applyInOrder(terminal, parsed);
        for (int i = 0; i < applied.size(); i++) {
            outcomes.set(at.get(i), applied.get(i));
        }
        boolean stopped = false;
        for (int i = 0; i < outcomes.size(); i++) {
            PosEventService.Outcome outcome = outcomes.get(i);
            if (stopped) {
                // After one not applied, nothing is judged: the sender sends them all again.
                outcomes.set(i, new PosEventService.Outcome(outcome.eventId(), null, null));
            } else if (outcome.rejected() != null) {
                deadLetters.keep(terminal, texts.get(i), outcome.rejected().getMessage());
            } else if (outcome.answer() == null) {
                stopped = true;
            }
        }
        return outcomes;
    }

    /**
     * The whole batch in one transaction; after a failure of the database, one by one. At most four
     * batches run at once (each keeps its SKUs locked until it commits, so more would only wait for
     * one another); a fifth waits up to 10 s for its turn, then is told to come back.
     */
    private List<PosEventService.Outcome> applyInOrder(PosTerminal terminal, List<PosEvent> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            if (!running.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new PosEventGroups.Busy(
                        "Too many stores are sending batches; send this one again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PosEventGroups.Busy("Interrupted; send the batch again");
        }
        try {
            try {
                return events.applyAll(terminal, batch);
            } catch (EJBException e) {
                LOG.log(
                        Level.WARNING,
                        "A batch of "
                                + batch.size()
                                + " POS events failed; applying them one by one",
                        e);
            }
            List<PosEventService.Outcome> outcomes = new ArrayList<>();
            boolean stopped = false;
            for (PosEvent event : batch) {
                if (!stopped) {
                    try {
                        outcomes.add(events.applyAll(terminal, List.of(event)).get(0));
                        continue;
                    } catch (EJBException e) {
                        LOG.log(Level.WARNING, "POS event " + event.eventId() + " failed", e);
                        stopped = true;
                    }
                }
                // Not applied: the sender sends it again, in order, with those after it.
                outcomes.add(new PosEventService.Outcome(event.eventId(), null, null));
            }
            return outcomes;
        } finally {
            running.release();
        }
    }

    /** The event id a malformed event names, to say which one was refused; null if none. */
    private static String idIn(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() == JsonValue.ValueType.OBJECT
                    && ((JsonObject) value).get("eventId") instanceof JsonString id) {
                return PosEventService.clipId(id.getString());
            }
        } catch (JsonException e) {
            // It was read once already; nothing more to learn from it.
        }
        return null;
    }

    /** The events of {@code {"events":[...]}} as JSON texts; 400 for anything else. */
    static List<String> split(String body) {
        if (body == null || body.isBlank()) {
            throw new PosEventRejected(400, "The message is empty; send {\"events\":[...]}");
        }
        JsonValue events;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue root = reader.readValue();
            events =
                    root.getValueType() == JsonValue.ValueType.OBJECT
                            ? ((JsonObject) root).get("events")
                            : null;
        } catch (JsonException e) {
            throw new PosEventRejected(400, "The body is not JSON: " + e.getMessage());
        }
        if (events == null || events.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new PosEventRejected(
                    400, "A batch is {\"events\":[...]}, the events oldest first");
        }
        JsonArray array = (JsonArray) events;
        if (array.isEmpty() || array.size() > MAX_EVENTS) {
            throw new PosEventRejected(
                    400, "A batch has 1 to " + MAX_EVENTS + " events (" + array.size() + " sent)");
        }
        return array.stream().map(JsonValue::toString).toList();
    }
}
