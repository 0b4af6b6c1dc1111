package dev.selvedge.notification;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Sends what waits in the outbox through the mail session {@code mail/shop}: at once after the
 * transaction that queued it commits, and every 30 s for what failed (up to 10 attempts; staff see
 * the error). Each email is locked while it is sent, so two runs never send it twice.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    private static final int MAX_ATTEMPTS = 10;

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    @Resource(lookup = "mail/shop")
    private Session session;

    @Resource private SessionContext context;

    public void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Mailbox.Queued mail) {
        // Through the container, so that the sending does not hold up the committing thread.
        context.getBusinessObject(MailSender.class).sendWaitingLater();
    }

    @Asynchronous
    public void sendWaitingLater() {
        sendWaiting();
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void retry() {
        sendWaiting();
    }

    /** Sends every waiting email; how many went. */
    public int sendWaiting() {
        int sent = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st =
                    c.prepareStatement(
                            "SELECT id, to_address, subject, body_text FROM outgoing_mail"
                                    + " WHERE sent_at IS NULL AND attempts < ? ORDER BY id LIMIT 50"
                                    + " FOR UPDATE SKIP LOCKED")) {
                st.setInt(1, MAX_ATTEMPTS);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sent +=
                                deliver(
                                        c,
                                        rs.getLong(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4));
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not read the mail outbox", e);
        }
        return sent;
    }

    private int deliver(Connection c, long id, String to, String subject, String body)
            throws SQLException {
        String error = null;
        try {
            MimeMessage message = new MimeMessage(session);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setHeader("X-Selvedge-Mail-Id", Long.toString(id));
            Transport.send(message);
        } catch (MessagingException | RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.WARNING, "Email " + id + " to " + to + " not sent: " + error);
        }
        try (PreparedStatement st =
                c.prepareStatement(
                        "UPDATE outgoing_mail SET attempts = attempts + 1, sent_at = ?, last_error = ? WHERE id = ?")) {
            st.setTimestamp(1, error == null ? Timestamp.from(Instant.now()) : null);
            st.setString(2, error);
            st.setLong(3, id);
            st.executeUpdate();
        }
        return error == null ? 1 : 0;
    }
}
