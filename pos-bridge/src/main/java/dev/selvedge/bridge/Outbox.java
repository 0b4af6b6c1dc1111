package dev.selvedge.bridge;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The bridge's durable outbox, an SQLite file: an event accepted from the till is synced to disk
 * before the till hears "queued", and stays until the shop has answered it. Events leave in the
 * order they came (the sequence), each event id once. That an event was tried or applied is written
 * without waiting for the disk (a second connection): a power cut may forget it, and the event is
 * sent again, which the shop answers as a duplicate without applying it twice. It halves the disk
 * syncs per event.
 */
final class Outbox implements AutoCloseable {

    /** An event waiting to be sent. */
    record Pending(long seq, String eventId, String body) {}

    /** How many events wait, were applied, or were refused by the shop. */
    record Counts(long pending, long sent, long rejected) {}

    private final Connection db;
    private final Connection marks;

    Outbox(Path file) throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement st = db.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            // FULL: a commit is on disk before it returns, so a power cut loses nothing queued.
            st.execute("PRAGMA synchronous=FULL");
            st.execute(
                    "CREATE TABLE IF NOT EXISTS outbox ("
                            + " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " event_id TEXT NOT NULL UNIQUE,"
                            + " body TEXT NOT NULL,"
                            + " status TEXT NOT NULL DEFAULT 'PENDING',"
                            + " attempts INTEGER NOT NULL DEFAULT 0,"
                            + " answer TEXT,"
                            + " queued_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                            + " done_at TEXT)");
            st.execute("CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (status, seq)");
        }
        marks = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement st = marks.createStatement()) {
            // NORMAL in WAL mode: safe against a crash of the bridge, not against a power cut.
            st.execute("PRAGMA synchronous=NORMAL");
        }
    }

    /** Queues an event; false when its id was queued before (a till sending it twice). */
    synchronized boolean add(String eventId, String body) throws SQLException {
        try (PreparedStatement st =
                db.prepareStatement(
                        "INSERT OR IGNORE INTO outbox (event_id, body) VALUES (?, ?)")) {
            st.setString(1, eventId);
            st.setString(2, body);
            return st.executeUpdate() == 1;
        }
    }

    /** The oldest event not yet answered by the shop. */
    synchronized Optional<Pending> next() throws SQLException {
        try (PreparedStatement st =
                        db.prepareStatement(
                                "SELECT seq, event_id, body FROM outbox WHERE status = 'PENDING' ORDER BY seq LIMIT 1");
                ResultSet rs = st.executeQuery()) {
            return rs.next()
                    ? Optional.of(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3)))
                    : Optional.empty();
        }
    }

    synchronized void attempted(long seq) throws SQLException {
        update(marks, "UPDATE outbox SET attempts = attempts + 1 WHERE seq = ?", null, seq);
    }

    /** The shop applied it (or had applied it before): done. */
    synchronized void sent(long seq, String answer) throws SQLException {
        update(
                marks,
                "UPDATE outbox SET status = 'SENT', answer = ?, done_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE seq = ?",
                answer == null ? "" : answer,
                seq);
    }

    /** The shop refused it for good (it keeps it for its staff too); kept here with the answer. */
    synchronized void rejected(long seq, String answer) throws SQLException {
        update(
                db,
                "UPDATE outbox SET status = 'REJECTED', answer = ?, done_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE seq = ?",
                answer == null ? "" : answer,
                seq);
    }

    synchronized Counts counts() throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT COALESCE(SUM(status = 'PENDING'), 0), COALESCE(SUM(status = 'SENT'), 0),"
                                        + " COALESCE(SUM(status = 'REJECTED'), 0) FROM outbox")) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    private static void update(Connection c, String sql, String text, long seq)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            if (text != null) {
                st.setString(i++, text);
            }
            st.setLong(i, seq);
            st.executeUpdate();
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        marks.close();
        db.close();
    }
}
