package dev.selvedge.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * The two steps every stock change starts with, whatever its channel. The database writes the
 * ledger and the outgoing message of each change itself; these say what the change is and make sure
 * that two changes of one SKU never deadlock.
 */
final class StockWrites {

    private StockWrites() {}

    /**
     * What the ledger trigger records of the changes that follow in this transaction
     * (transaction-local settings).
     */
    static void describe(
            Connection c,
            String channel,
            String eventType,
            String eventId,
            String actor,
            String reason,
            OffsetDateTime occurredAt)
            throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT set_config('selvedge.channel', ?, true), set_config('selvedge.event_type', ?, true),"
                                + " set_config('selvedge.event_id', ?, true), set_config('selvedge.actor', ?, true),"
                                + " set_config('selvedge.reason', ?, true), set_config('selvedge.occurred_at', ?, true)")) {
            st.setString(1, channel);
            st.setString(2, eventType);
            st.setString(3, eventId == null ? "" : eventId);
            st.setString(4, actor);
            st.setString(5, reason == null ? "" : reason);
            st.setString(6, occurredAt == null ? "" : occurredAt.toString());
            st.execute();
        }
    }

    /**
     * Locks the SKUs' variant rows in id order before any of their stock levels is touched. The
     * database updates the variant's sellable figure after each stock level change, so every writer
     * ends up holding the variant row; taking it first, and in one order, is what keeps multi-line
     * carts, till events and reservations moved between locations from deadlocking.
     */
    static void lockSkus(Connection c, long... variantIds) throws SQLException {
        long[] sorted = Arrays.stream(variantIds).distinct().sorted().toArray();
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT id FROM variant WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE")) {
            st.setArray(1, c.createArrayOf("bigint", Arrays.stream(sorted).boxed().toArray()));
            st.executeQuery().close();
        }
    }
}
