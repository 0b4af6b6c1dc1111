package dev.selvedge.inventory;

import dev.selvedge.shared.Rejected;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What staff read of the stock truth: a SKU's ledger, and the discrepancies tills raised. */
@Stateless
public class StockLedger {

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    /** One row of the ledger: who changed what, through which channel, from what to what. */
    public record Movement(
            long id,
            String location,
            String channel,
            String eventType,
            String eventId,
            String actor,
            int onHandBefore,
            int onHandAfter,
            int reservedBefore,
            int reservedAfter,
            String reason,
            Instant occurredAt,
            Instant recordedAt) {}

    /** A till sold more than the system knew of. */
    public record Discrepancy(
            long id,
            String sku,
            String location,
            String eventId,
            int expected,
            int sold,
            Instant createdAt) {}

    /** The newest movements of a SKU, at most {@code limit}. */
    public List<Movement> movementsOf(String sku, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT m.id, l.code, m.channel, m.event_type, m.event_id, m.actor, m.on_hand_before,"
                                        + " m.on_hand_after, m.reserved_before, m.reserved_after, m.reason, m.occurred_at, m.recorded_at"
                                        + " FROM stock_movement m JOIN variant v ON v.id = m.variant_id JOIN location l ON l.id = m.location_id"
                                        + " WHERE v.sku = ? ORDER BY m.id DESC LIMIT ?")) {
            st.setString(1, sku);
            st.setInt(2, limit);
            List<Movement> movements = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    movements.add(
                            new Movement(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getInt(7),
                                    rs.getInt(8),
                                    rs.getInt(9),
                                    rs.getInt(10),
                                    rs.getString(11),
                                    rs.getTimestamp(12).toInstant(),
                                    rs.getTimestamp(13).toInstant()));
                }
            }
            return movements;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the ledger of " + sku, e);
        }
    }

    public List<Discrepancy> openDiscrepancies(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT d.id, v.sku, l.code, d.event_id, d.expected, d.sold, d.created_at"
                                        + " FROM stock_discrepancy d JOIN variant v ON v.id = d.variant_id JOIN location l ON l.id = d.location_id"
                                        + " WHERE d.resolved_at IS NULL ORDER BY d.created_at DESC LIMIT ?")) {
            st.setInt(1, limit);
            List<Discrepancy> open = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    open.add(
                            new Discrepancy(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getInt(5),
                                    rs.getInt(6),
                                    rs.getTimestamp(7).toInstant()));
                }
            }
            return open;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read discrepancies", e);
        }
    }

    /** Closes a discrepancy with what staff found (a recount, a mis-scan, a theft...). */
    public void resolve(long id, String resolution, String staff) {
        if (resolution == null || resolution.isBlank() || resolution.length() > 300) {
            throw new Rejected(422, "Say in 1 to 300 characters what was found");
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "UPDATE stock_discrepancy SET resolved_at = now(), resolved_by = ?, resolution = ?"
                                        + " WHERE id = ? AND resolved_at IS NULL")) {
            st.setString(1, staff);
            st.setString(2, resolution.strip());
            st.setLong(3, id);
            if (st.executeUpdate() != 1) {
                throw new Rejected(409, "Discrepancy " + id + " is closed already");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not resolve discrepancy " + id, e);
        }
    }
}
