package dev.selvedge.notification;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * Emails to send, written in the caller's transaction: if it rolls back, no email; if it commits,
 * the email goes out even when the mail server is down at that moment ({@link MailSender}).
 */
@Stateless
public class Mailbox {

    /** Fired with each queued email; the sender acts once the transaction has committed. */
    public record Queued(long id) {}

    /** Fired when staff send a failed email again. */
    public record Retried(long id) {}

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject private Clock clock;

    @Inject private Event<Queued> queued;

    @Inject private Event<Retried> retried;

    public void send(String to, String subject, String body) {
        OutgoingMail mail = new OutgoingMail(to, subject, body, clock.instant());
        em.persist(mail);
        em.flush();
        queued.fire(new Queued(mail.getId()));
    }

    /** Sends a failed email again from its first attempt (after the mail server was fixed). */
    public void retry(long id) {
        OutgoingMail mail = em.find(OutgoingMail.class, id);
        if (mail != null && mail.getSentAt() == null) {
            mail.retry(clock.instant());
            retried.fire(new Retried(id));
        }
    }

    /** The latest emails, newest first, for staff. */
    public List<OutgoingMail> latest(int max) {
        return em.createNamedQuery("OutgoingMail.latest", OutgoingMail.class)
                .setMaxResults(max)
                .getResultList();
    }
}
