package dev.selvedge.inventory;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
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

    static String hash(String apiKey) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
