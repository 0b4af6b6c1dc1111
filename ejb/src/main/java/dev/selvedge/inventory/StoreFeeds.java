package dev.selvedge.inventory;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
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

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void check() {
        try (Connection c = dataSource.getConnection()) {
            for (String code :
                    codes(
                            c,
                            "UPDATE location SET silent_since = now(), silent_extra_safety = ?"
                                    + " WHERE kind = 'STORE' AND silent_since IS NULL AND last_heard_at < now() - make_interval(secs => ?)"
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
                                    + " WHERE silent_since IS NOT NULL AND last_heard_at >= now() - make_interval(secs => ?)"
                                    + " RETURNING code",
                            false)) {
                LOG.info("Store " + code + " heard again: its stock counts online as before");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the stores' feeds", e);
        }
    }

    private List<String> codes(Connection c, String sql, boolean marking) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            if (marking) {
                if (policy.equals("extra-safety")) {
                    st.setInt(i++, extraSafety);
                } else {
                    st.setNull(i++, java.sql.Types.INTEGER);
                }
            }
            st.setInt(i, silentAfterSeconds);
            List<String> codes = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        }
    }
}
