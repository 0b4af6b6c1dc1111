package dev.selvedge.inventory;

import dev.selvedge.shared.RandomTokens;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** POS terminals and their API keys; only a SHA-256 of each key is stored. */
@ApplicationScoped
public class PosTerminals {

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    /** The terminal a key belongs to, unless the key is unknown or revoked. */
    public Optional<PosTerminal> authenticate(String apiKey) {
        if (apiKey == null || apiKey.length() < 16 || apiKey.length() > 200) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT t.id, t.terminal_id, l.id, l.code FROM pos_terminal t"
                                        + " JOIN location l ON l.id = t.location_id"
                                        + " WHERE t.key_hash = ? AND t.revoked_at IS NULL")) {
            st.setString(1, hash(apiKey));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next()
                        ? Optional.of(
                                new PosTerminal(
                                        rs.getLong(1),
                                        rs.getString(2),
                                        rs.getLong(3),
                                        rs.getString(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check a POS key", e);
        }
    }

    /**
     * A store's terminal for the JMS door, where the broker admits the sender and the event names
     * its store; empty for an unknown store.
     */
    public Optional<PosTerminal> forStore(String storeCode, String terminalId) {
        if (storeCode == null || storeCode.isBlank()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT id, code FROM location WHERE code = ? AND kind = 'STORE'")) {
            st.setString(1, storeCode);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next()
                        ? Optional.of(
                                new PosTerminal(
                                        0,
                                        terminalId == null ? "jms" : terminalId,
                                        rs.getLong(1),
                                        rs.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up a store", e);
        }
    }

    /** A terminal as staff see it (never its key). */
    public record Listed(
            long id,
            String storeCode,
            String terminalId,
            java.time.Instant createdAt,
            java.time.Instant revokedAt) {}

    public java.util.List<Listed> list() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT t.id, l.code, t.terminal_id, t.created_at, t.revoked_at FROM pos_terminal t"
                                        + " JOIN location l ON l.id = t.location_id ORDER BY l.code, t.terminal_id")) {
            java.util.List<Listed> all = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    all.add(
                            new Listed(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getTimestamp(4).toInstant(),
                                    rs.getTimestamp(5) == null
                                            ? null
                                            : rs.getTimestamp(5).toInstant()));
                }
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list POS terminals", e);
        }
    }

    /**
     * Issues a new API key for a store's till, replacing (and so revoking) any key it had. The key
     * is answered once; only its hash is kept.
     */
    public String issue(String storeCode, String terminalId) {
        if (terminalId == null || !terminalId.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new dev.selvedge.shared.Rejected(
                    422, "A terminal id is 1 to 40 letters, digits, '.', '_' or '-'");
        }
        String key = "pos_" + RandomTokens.of(24);
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "INSERT INTO pos_terminal (location_id, terminal_id, key_hash)"
                                        + " SELECT id, ?, ? FROM location WHERE code = ? AND kind = 'STORE'"
                                        + " ON CONFLICT (location_id, terminal_id) DO UPDATE SET key_hash = EXCLUDED.key_hash,"
                                        + " created_at = now(), revoked_at = NULL")) {
            st.setString(1, terminalId);
            st.setString(2, hash(key));
            st.setString(3, storeCode);
            if (st.executeUpdate() != 1) {
                throw new dev.selvedge.shared.Rejected(422, "No store " + storeCode);
            }
            return key;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not issue a POS key", e);
        }
    }

    /** The terminal's key stops working at once. */
    public void revoke(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "UPDATE pos_terminal SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL")) {
            st.setLong(1, id);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not revoke a POS key", e);
        }
    }

    static String hash(String apiKey) {
        return dev.selvedge.shared.Digests.sha256Hex(apiKey);
    }
}
