package dev.selvedge.inventory;

import dev.selvedge.shared.JsonObjects;
import dev.selvedge.shared.Rejected;
import dev.selvedge.shared.StorableText;
import dev.selvedge.shared.StrictJsonb;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The dead-letter store of POS messages, with replay. Every statement here commits on its own,
 * outside the caller's transaction: a failure is recorded even though the work that failed rolls
 * back (which is what makes the broker deliver a JMS message again).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PosDeadLetters {

    private static final Jsonb JSONB = StrictJsonb.create();

    /** What is kept of a refused event's body: far more than any real event (50 lines). */
    static final int MAX_KEPT_BODY = 64 * 1024;

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    @EJB private PosEventService events;

    @Inject private PosTerminals terminals;

    /** Parses a POS event, or rejects it with 400 and what is wrong with the JSON. */
    public static PosEvent parse(String body) {
        if (body == null || body.isBlank()) {
            throw new PosEventRejected(400, "The message is empty; send a POS event as JSON");
        }
        PosEvent event;
        try {
            event = JSONB.fromJson(body, PosEvent.class);
        } catch (JsonbException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            // The parser's own words say where the JSON breaks; a mapping error's words name the
            // shop's classes, so those get a plain description instead.
            throw new PosEventRejected(
                    400,
                    "The body is not a POS event in JSON: "
                            + (root instanceof jakarta.json.stream.JsonParsingException
                                    ? root.getMessage()
                                    : "a field has the wrong type (eventId, storeCode, occurredAt and"
                                            + " type are strings, lines an array of {sku or barcode, quantity})"));
        }
        if (event == null) {
            // The JSON literal null.
            throw new PosEventRejected(
                    400, "The body is not a POS event in JSON: expected an object {eventId, ...}");
        }
        return event;
    }

    /**
     * Counts a failed delivery of a JMS message; at the {@code maxAttempts}-th it becomes a dead
     * letter. Answers the attempts so far.
     */
    public int failed(
            String messageId, String body, String reason, int maxAttempts, PosTerminal sender) {
        try (Connection c = dataSource.getConnection()) {
            int attempts;
            try (PreparedStatement st =
                    c.prepareStatement(
                            "INSERT INTO pos_message_attempt (message_id, attempts, last_error) VALUES (?, 1, ?)"
                                    + " ON CONFLICT (message_id) DO UPDATE SET attempts = pos_message_attempt.attempts + 1,"
                                    + " last_error = EXCLUDED.last_error, updated_at = now() RETURNING attempts")) {
                st.setString(1, messageId);
                st.setString(2, clip(reason));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    attempts = rs.getInt(1);
                }
            }
            if (attempts >= maxAttempts) {
                insert(c, "JMS", messageId, body, reason, attempts, sender);
            }
            return attempts;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count a failed POS message", e);
        }
    }

    /** True when this JMS message was dead-lettered already (it came back after the rollback). */
    public boolean isDead(String messageId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement("SELECT 1 FROM pos_dead_letter WHERE message_id = ?")) {
            st.setString(1, messageId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read dead letters", e);
        }
    }

    /** Keeps an event the HTTP door refused (the till had its 4xx answer). */
    public void keep(PosTerminal terminal, String body, String reason) {
        try (Connection c = dataSource.getConnection()) {
            insert(c, "HTTP", null, body, reason, 1, terminal);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep a refused POS event", e);
        }
    }

    /** Dead letters not replayed yet (or all, newest first), at most {@code limit}. */
    public List<PosDeadLetter> list(boolean openOnly, int limit) {
        return query(
                (openOnly ? " WHERE replayed_at IS NULL" : "")
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                limit);
    }

    private List<PosDeadLetter> query(String where, long value) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT id, door, event_id, store_code, terminal_id, body, reason, attempts,"
                                        + " created_at, replayed_at, replayed_by, sender_verified FROM pos_dead_letter"
                                        + where)) {
            st.setLong(1, value);
            List<PosDeadLetter> found = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(
                            new PosDeadLetter(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getInt(8),
                                    rs.getTimestamp(9).toInstant(),
                                    Optional.ofNullable(rs.getTimestamp(10))
                                            .map(Timestamp::toInstant)
                                            .orElse(null),
                                    rs.getString(11),
                                    rs.getBoolean(12)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read dead letters", e);
        }
    }

    /**
     * Applies a dead letter again, as its door would (exactly once: an event applied meanwhile
     * answers DUPLICATE). On success it is marked replayed by {@code staff}; when it fails again
     * the new reason is kept and thrown.
     */
    public JsonObject replay(long id, String staff) {
        PosDeadLetter letter =
                query(" WHERE id = ?", id).stream()
                        .findFirst()
                        .orElseThrow(() -> new Rejected(404, "No dead letter " + id));
        if (letter.replayedAt() != null) {
            throw new Rejected(409, "Dead letter " + id + " was replayed already");
        }
        if (!letter.senderVerified()) {
            throw new Rejected(
                    409,
                    "Dead letter "
                            + id
                            + " came without a valid till key, so nobody knows which store sent it;"
                            + " ask the store to send it again with its key");
        }
        try {
            PosEvent event = parse(letter.body());
            // As the till that sent it: its store, whatever the body says (the service refuses
            // an event for another store).
            PosTerminal terminal =
                    terminals
                            .forStore(letter.storeCode(), letter.terminalId())
                            .orElseThrow(
                                    () ->
                                            new PosEventRejected(
                                                    422,
                                                    "Unknown store '" + letter.storeCode() + "'"));
            JsonObject answer = events.apply(terminal, event);
            update(
                    "UPDATE pos_dead_letter SET replayed_at = now(), replayed_by = ? WHERE id = ?",
                    staff,
                    id);
            return answer;
        } catch (Rejected e) {
            update("UPDATE pos_dead_letter SET reason = ? WHERE id = ?", clip(e.getMessage()), id);
            throw e;
        }
    }

    private void update(String sql, String value, long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, value);
            st.setLong(2, id);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update a dead letter", e);
        }
    }

    private static void insert(
            Connection c,
            String door,
            String messageId,
            String body,
            String reason,
            int attempts,
            PosTerminal sender)
            throws SQLException {
        String eventId = null;
        try {
            eventId = JsonObjects.parse(body).getString("eventId", null);
        } catch (RuntimeException notJson) {
            // Kept as it came; the reason says what is wrong with it.
        }
        // The store and till are the sender's as its key proved; an unproven sender has none.
        String storeCode = sender == null ? null : sender.storeCode();
        String terminalId = sender == null ? null : sender.terminalId();
        try (PreparedStatement st =
                c.prepareStatement(
                        "INSERT INTO pos_dead_letter (door, message_id, event_id, store_code, terminal_id, body, reason, attempts, sender_verified)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (message_id) WHERE message_id IS NOT NULL DO NOTHING")) {
            st.setString(1, door);
            st.setString(2, messageId);
            st.setString(3, clip(eventId, 80));
            st.setString(4, clip(storeCode, 20));
            st.setString(5, clip(terminalId, 40));
            st.setString(6, body == null ? "" : StorableText.of(body, MAX_KEPT_BODY));
            st.setString(7, clip(reason));
            st.setInt(8, attempts);
            st.setBoolean(9, sender != null);
            st.executeUpdate();
        }
    }

    private static String clip(String s) {
        return clip(s == null ? "(no message)" : s, 1000);
    }

    private static String clip(String s, int max) {
        return StorableText.of(s, max);
    }
}
