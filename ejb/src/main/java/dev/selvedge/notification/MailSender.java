package dev.selvedge.notification;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what waits in the outbox through the mail session {@code mail/shop}, in the background: a
 * committed email only wakes the senders (a few threads of their own, each keeping one SMTP
 * connection for as long as there is mail), so the transaction that queued it never waits for the
 * mail server. A failed email is tried again after a growing pause (30 s doubling to 30 min, up to
 * 10 attempts; staff see the error), and a mail server that cannot be reached pauses all sending
 * for 30 s ({@code selvedge.mail.pause-seconds}; what waits is looked at every 5 s). Each email is
 * locked in its own transaction while it is sent, so no two senders, here or on another server,
 * send it twice.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    private static final int MAX_ATTEMPTS = 10;

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    @Resource(lookup = "mail/shop")
    private Session session;

    // Threads of their own: a slow mail server must not hold up the shared managed executor.
    @Resource private ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "selvedge.mail.senders", defaultValue = "4")
    int senders;

    // How long all sending stops when the mail server cannot be reached.
    @Inject
    @ConfigProperty(name = "selvedge.mail.pause-seconds", defaultValue = "30")
    long pauseSeconds;

    private ExecutorService executor;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long pausedUntil = System.nanoTime();

    @PostConstruct
    void start() {
        executor = Executors.newFixedThreadPool(senders, threads);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Staff asked to send a failed email again: the mail server may be back, so no pause. */
    public void resume() {
        pausedUntil = System.nanoTime();
        wake();
    }

    // Also what ends a pause: a wake-up during one does nothing.
    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void everyFiveSeconds() {
        wake();
    }

    /**
     * Starts a sender unless enough run already. Never blocks: a sender that is finishing looks
     * again after it stopped counting itself, so no wake-up is lost.
     */
    public void wake() {
        pending.set(true);
        if (System.nanoTime() - pausedUntil < 0) {
            return;
        }
        for (int running = active.get(); running < senders; running = active.get()) {
            if (active.compareAndSet(running, running + 1)) {
                try {
                    executor.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    // Shutting down, or the executor is full: the next wake-up tries again.
                    active.decrementAndGet();
                }
                return;
            }
        }
    }

    private void drain() {
        try (Courier courier = new Courier()) {
            do {
                pending.set(false);
                while (System.nanoTime() - pausedUntil >= 0 && sendNext(courier)) {
                    // Mail is waiting: keep the connection and go on.
                }
            } while (pending.get() && System.nanoTime() - pausedUntil >= 0);
        } finally {
            active.decrementAndGet();
        }
        if (pending.get()) {
            wake();
        }
    }

    /**
     * Sends the oldest email that is due, in a transaction of its own; whether there was one and it
     * went (a failure ends this round of sending until the next wake-up or retry).
     */
    private boolean sendNext(Courier courier) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st =
                    c.prepareStatement(
                            "SELECT id, to_address, subject, body_text, attempts FROM outgoing_mail"
                                    + " WHERE sent_at IS NULL AND attempts < ? AND next_attempt_at <= now()"
                                    + " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
                st.setInt(1, MAX_ATTEMPTS);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return false;
                    }
                    long id = rs.getLong(1);
                    String error =
                            courier.deliver(id, rs.getString(2), rs.getString(3), rs.getString(4));
                    record(c, id, rs.getInt(5), error);
                    c.commit();
                    return error == null;
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not read the mail outbox", e);
            return false;
        }
    }

    private static void record(Connection c, long id, int attemptsBefore, String error)
            throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "UPDATE outgoing_mail SET attempts = attempts + 1, last_error = ?,"
                                + " sent_at = CASE WHEN ? THEN now() END,"
                                + " next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?")) {
            st.setString(1, error);
            st.setBoolean(2, error == null);
            st.setLong(3, Math.min(30L << Math.min(attemptsBefore, 6), 1800L));
            st.setLong(4, id);
            st.executeUpdate();
        }
    }

    /** One SMTP connection, opened at the first email and reused until a failure or the end. */
    private final class Courier implements AutoCloseable {

        private Transport transport;

        /** Null when sent, else what went wrong. */
        String deliver(long id, String to, String subject, String body) {
            MimeMessage message;
            try {
                message = new MimeMessage(session);
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
                message.setSubject(subject, "UTF-8");
                message.setText(body, "UTF-8");
                message.setHeader("X-Selvedge-Mail-Id", Long.toString(id));
                message.saveChanges();
            } catch (MessagingException | RuntimeException e) {
                return failed(id, to, e);
            }
            try {
                if (transport == null || !transport.isConnected()) {
                    transport = session.getTransport("smtp");
                    transport.connect();
                }
            } catch (MessagingException | RuntimeException e) {
                // The mail server cannot be reached: no use trying the others now.
                pausedUntil = System.nanoTime() + pauseSeconds * 1_000_000_000L;
                close();
                return failed(id, to, e);
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
                return null;
            } catch (MessagingException | RuntimeException e) {
                close();
                return failed(id, to, e);
            }
        }

        private String failed(long id, String to, Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.WARNING, "Email " + id + " to " + to + " not sent: " + error);
            return error;
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.log(Level.FINE, "Closing the SMTP connection", e);
                }
                transport = null;
            }
        }
    }
}
