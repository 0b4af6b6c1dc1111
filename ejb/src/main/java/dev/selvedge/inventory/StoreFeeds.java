package dev.selvedge.inventory;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Watches each store's POS feed (events and bridge heartbeats). A store silent for longer than
 * {@code selvedge.stock.silent-store-seconds} stops counting towards what the website sells ({@code
 * selvedge.stock.silent-store-policy=exclude}) or keeps {@code
 * selvedge.stock.silent-store-extra-safety} more units back ({@code extra-safety}), until it is
 * heard again. A store never heard has no live feed (its stock comes from files) and is left alone.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StoreFeeds {

    private static final Logger LOG = Logger.getLogger(StoreFeeds.class.getName());

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "selvedge.stock.silent-store-seconds", defaultValue = "300")
    private int silentAfterSeconds;

    @Inject
    @ConfigProperty(name = "selvedge.stock.silent-store-policy", defaultValue = "exclude")
    private String policy;

    @Inject
    @ConfigProperty(name = "selvedge.stock.silent-store-extra-safety", defaultValue = "2")
    private int extraSafety;

    /**
     * One location per statement, each committed on its own (no transaction around the loop): a
     * location's trigger locks its SKUs in id order, and holding one store's locks while taking
     * another's could still deadlock with a till event.
     */
    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void check() {
        try (Connection c = dataSource.getConnection()) {
            for (String code :
                    codes(
                            c,
                            "UPDATE location SET silent_since = now(), silent_extra_safety = ?"
                                    + " WHERE id = (SELECT id FROM location WHERE kind = 'STORE' AND silent_since IS NULL"
                                    + " AND last_heard_at < now() - make_interval(secs => ?) ORDER BY id LIMIT 1)"
                                    // Again once the row is locked: it may have been heard
                                    // meanwhile (the subquery's view is older).
                                    + " AND silent_since IS NULL AND last_heard_at < now() - make_interval(secs => ?)"
                                    + " RETURNING code",
                            true)) {
                LOG.warning(
                        "Store "
                                + code
                                + " silent for over "
                                + silentAfterSeconds
                                + " s: its stock now "
                                + (policy.equals("extra-safety")
                                        ? "keeps " + extraSafety + " more units back"
                                        : "does not count")
                                + " online");
            }
            for (String code :
                    codes(
                            c,
                            "UPDATE location SET silent_since = NULL, silent_extra_safety = NULL"
                                    + " WHERE id = (SELECT id FROM location WHERE silent_since IS NOT NULL"
                                    + " AND last_heard_at >= now() - make_interval(secs => ?) ORDER BY id LIMIT 1)"
                                    + " AND silent_since IS NOT NULL AND last_heard_at >= now() - make_interval(secs => ?)"
                                    + " RETURNING code",
                            false)) {
                LOG.info("Store " + code + " heard again: its stock counts online as before");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the stores' feeds", e);
        }
    }

    /** Runs a one-location update again until no location is left to change; their codes. */
    private List<String> codes(Connection c, String sql, boolean marking) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            if (marking) {
                if (policy.equals("extra-safety")) {
                    st.setInt(i++, extraSafety);
                } else {
                    st.setNull(i++, java.sql.Types.INTEGER);
                }
            }
            st.setInt(i++, silentAfterSeconds);
            st.setInt(i, silentAfterSeconds);
            for (int round = 0; round < 1000; round++) {
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        break;
                    }
                    codes.add(rs.getString(1));
                }
            }
        }
        return codes;
    }
}
