package dev.selvedge.fulfilment;

import dev.selvedge.shared.StorableText;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Order messages that could not be handled, parked for staff with the reason, and replayed from the
 * back office once the cause is mended. Counting and parking commit on their own, outside the
 * consumer's transaction: they are kept even though the work that failed rolls back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ParkedMessages {

    /** What is kept of a message's body: far more than any order message. */
    static final int MAX_KEPT_BODY = 64 * 1024;

    public record Parked(
            long id,
            String destination,
            String body,
            String reason,
            int attempts,
            Instant parkedAt,
            Instant replayedAt,
            String replayedBy) {}

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    @Resource(lookup = "jms/shop/connections")
    private ConnectionFactory connections;

    @Resource(lookup = "jms/orders/fulfilment")
    private Queue fulfilment;

    @Resource(lookup = "jms/orders/status")
    private Topic status;

    /** Counts a failed delivery; answers the attempts so far. */
    public int failed(String messageId, String reason) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "INSERT INTO order_message_attempt (message_id, attempts, last_error) VALUES (?, 1, ?)"
                                        + " ON CONFLICT (message_id) DO UPDATE SET attempts = order_message_attempt.attempts + 1,"
                                        + " last_error = EXCLUDED.last_error, updated_at = now() RETURNING attempts")) {
            st.setString(1, messageId);
            st.setString(2, StorableText.of(reason, 1000));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count a failed order message", e);
        }
    }

    /** Parks a message (once: a message parked before stays as it was). */
    public void park(
            String destination, String messageId, String body, String reason, int attempts) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "INSERT INTO parked_message (destination, message_id, body, reason, attempts)"
                                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING")) {
            st.setString(1, destination);
            st.setString(2, messageId);
            st.setString(3, body == null ? "" : StorableText.of(body, MAX_KEPT_BODY));
            st.setString(4, StorableText.of(reason, 1000));
            st.setInt(5, attempts);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not park an order message", e);
        }
    }

    /** True when this message was parked already (delivered again after its last attempt). */
    public boolean isParked(String messageId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement("SELECT 1 FROM parked_message WHERE message_id = ?")) {
            st.setString(1, messageId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read parked messages", e);
        }
    }

    /** Parked messages not replayed yet (or all), newest first, at most {@code limit}. */
    public List<Parked> list(boolean openOnly, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT id, destination, body, reason, attempts, parked_at, replayed_at, replayed_by"
                                        + " FROM parked_message"
                                        + (openOnly ? " WHERE replayed_at IS NULL" : "")
                                        + " ORDER BY id DESC LIMIT ?")) {
            st.setInt(1, Math.max(1, Math.min(limit, 500)));
            List<Parked> parked = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    parked.add(
                            new Parked(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getInt(5),
                                    rs.getTimestamp(6).toInstant(),
                                    Optional.ofNullable(rs.getTimestamp(7))
                                            .map(java.sql.Timestamp::toInstant)
                                            .orElse(null),
                                    rs.getString(8)));
                }
            }
            return parked;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read parked messages", e);
        }
    }

    /**
     * Sends a parked message to its destination again, marked replayed by {@code staff} in the same
     * transaction as the send; false when it was replayed before (or is unknown).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean replay(long id, String staff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "UPDATE parked_message SET replayed_at = now(), replayed_by = ?"
                                        + " WHERE id = ? AND replayed_at IS NULL RETURNING body, destination")) {
            st.setString(1, staff);
            st.setLong(2, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                try (JMSContext jms = connections.createContext()) {
                    // A status message goes back on the topic: its other subscribers are
                    // idempotent on the event id, so only the one that failed acts on it.
                    jms.createProducer()
                            .send(
                                    OrderStatusConsumer.TOPIC.equals(rs.getString(2))
                                            ? status
                                            : fulfilment,
                                    rs.getString(1));
                }
                return true;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not replay a parked message", e);
        }
    }
}
