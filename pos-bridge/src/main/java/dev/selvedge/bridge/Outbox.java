package dev.selvedge.bridge;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bridge's durable outbox, an SQLite file: an event accepted from the till is synced to disk
 * before the till hears "queued", and stays until the shop has answered it. Events leave in the
 * order they came (the sequence), each event id once. That an event was tried or applied is written
 * without waiting for the disk (a second connection): a power cut may forget it, and the event is
 * sent again, which the shop answers as a duplicate without applying it twice. It halves the disk
 * syncs per event, and the sender writes them for many events at once. Events that tills hand in
 * while a sync is under way are queued together in the next transaction (group commit): one sync
 * for all of them, however many tills a store has.
 *
 * <p>The sender uses only the second connection (what is next, what was tried or applied), so it
 * never waits for a till's sync in this process; SQLite itself lets one of them write at a time.
 */
final class Outbox implements AutoCloseable {

    /** An event waiting to be sent. */
    record Pending(long seq, String eventId, String body) {}

    /** How many events wait, were applied, or were refused by the shop. */
    record Counts(long pending, long sent, long rejected) {}

    private final Connection db;
    private final Connection marks;

    /** An event handed in, waiting for the transaction that queues it. */
    private static final class Handed {
        final String eventId;
        final String body;
        boolean done;
        boolean added;
        SQLException failure;

        Handed(String eventId, String body) {
            this.eventId = eventId;
            this.body = body;
        }
    }

    private final Object committing = new Object();
    private List<Handed> handed = new ArrayList<>(); // guarded by this

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
    boolean add(String eventId, String body) throws SQLException {
        Handed mine = new Handed(eventId, body);
        synchronized (this) {
            handed.add(mine);
        }
        synchronized (committing) {
            if (!mine.done) {
                // Whoever commits next takes every event handed in so far.
                List<Handed> batch;
                synchronized (this) {
                    batch = handed;
                    handed = new ArrayList<>();
                }
                commit(batch);
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.added;
    }

    private void commit(List<Handed> batch) {
        synchronized (db) {
            try {
                db.setAutoCommit(false);
                try (PreparedStatement st =
                        db.prepareStatement(
                                "INSERT OR IGNORE INTO outbox (event_id, body) VALUES (?, ?)")) {
                    for (Handed event : batch) {
                        st.setString(1, event.eventId);
                        st.setString(2, event.body);
                        event.added = st.executeUpdate() == 1;
                    }
                }
                db.commit();
            } catch (SQLException e) {
                rollback();
                batch.forEach(event -> event.failure = e);
            } catch (RuntimeException | Error e) {
                // Nobody in the batch may hear "queued" or "already queued" for what was not.
                rollback();
                SQLException failure = new SQLException("Could not queue: " + e, e);
                batch.forEach(event -> event.failure = failure);
            } finally {
                batch.forEach(event -> event.done = true);
                try {
                    db.setAutoCommit(true);
                } catch (SQLException e) {
                    batch.forEach(event -> event.failure = e);
                }
            }
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // The commit failed already; its failure is what the tills hear.
        }
    }

    /** The oldest event not yet answered by the shop. */
    Optional<Pending> next() throws SQLException {
        return pendingAfter(0, 1).stream().findFirst();
    }

    /** Up to {@code max} events not yet answered, oldest first, after sequence {@code seq}. */
    List<Pending> pendingAfter(long seq, int max) throws SQLException {
        synchronized (marks) {
            try (PreparedStatement st =
                    marks.prepareStatement(
                            "SELECT seq, event_id, body FROM outbox WHERE status = 'PENDING' AND seq > ?"
                                    + " ORDER BY seq LIMIT ?")) {
                st.setLong(1, seq);
                st.setInt(2, max);
                List<Pending> pending = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        pending.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
                return pending;
            }
        }
    }

    /** A try that got no answer for good (no line, the shop restarting). */
    void attempted(long seq) throws SQLException {
        synchronized (marks) {
            update(marks, "UPDATE outbox SET attempts = attempts + 1 WHERE seq = ?", null, seq);
        }
    }

    /** The shop applied it (or had applied it before): done. */
    void sent(long seq, String answer) throws SQLException {
        sent(List.of(new Answered(seq, answer)));
    }

    /** What the shop answered to an event. */
    record Answered(long seq, String answer) {}

    /** Several events done, in one transaction. */
    void sent(List<Answered> answered) throws SQLException {
        if (answered.isEmpty()) {
            return;
        }
        synchronized (marks) {
            marks.setAutoCommit(false);
            try (PreparedStatement st =
                    marks.prepareStatement(
                            "UPDATE outbox SET status = 'SENT', answer = ?, done_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE seq = ?")) {
                for (Answered a : answered) {
                    st.setString(1, a.answer() == null ? "" : a.answer());
                    st.setLong(2, a.seq());
                    st.executeUpdate();
                }
                marks.commit();
            } catch (SQLException e) {
                marks.rollback();
                throw e;
            } finally {
                marks.setAutoCommit(true);
            }
        }
    }

    /** The shop refused it for good (it keeps it for its staff too); kept here with the answer. */
    void rejected(long seq, String answer) throws SQLException {
        synchronized (db) {
            update(
                    db,
                    "UPDATE outbox SET status = 'REJECTED', answer = ?, done_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE seq = ?",
                    answer == null ? "" : answer,
                    seq);
        }
    }

    Counts counts() throws SQLException {
        synchronized (marks) {
            return countsNow();
        }
    }

    private Counts countsNow() throws SQLException {
        try (Statement st = marks.createStatement();
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
    public void close() throws SQLException {
        synchronized (marks) {
            marks.close();
        }
        synchronized (db) {
            db.close();
        }
    }
}
