package dev.selvedge.fulfilment;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * An order's timeline: each move from one state to the next, with when, who (SYSTEM, SHOPPER,
 * STAFF, CARRIER or PAYMENT, and which one) and why. The database writes it at every change of an
 * order's status (V20), so it is complete whichever code moved the order; this reads it for the
 * order page and the back office.
 */
@ApplicationScoped
public class OrderTimeline {

    /** One move; {@code from} is null for the order's first state. */
    public record Entry(
            String eventId,
            String from,
            String to,
            String actorKind,
            String actor,
            String reason,
            Instant at) {}

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    /** The moves of an order, oldest first; empty for an unknown order number. */
    public List<Entry> of(String orderNumber) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT e.event_id, e.from_status, e.to_status, e.actor_kind, e.actor, e.reason, e.at"
                                        + " FROM order_event e JOIN customer_order o ON o.id = e.order_id"
                                        + " WHERE o.order_number = ? ORDER BY e.at, e.event_id")) {
            st.setString(1, orderNumber);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    entries.add(
                            new Entry(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getTimestamp(7).toInstant()));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the timeline of " + orderNumber, e);
        }
    }
}
