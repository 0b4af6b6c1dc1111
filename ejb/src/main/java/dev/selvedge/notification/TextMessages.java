package dev.selvedge.notification;

import dev.selvedge.shared.InstantConverter;
import dev.selvedge.shared.StorableText;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Texts (SMS, WhatsApp) to shoppers, kept in {@code outgoing_text}: queued in the caller's
 * transaction like emails, claimed and sent by {@link TextSender}, their delivery reported by the
 * provider's status callbacks. In the demo shop they are kept as DEMO and only shown to staff.
 */
@Stateless
public class TextMessages {

    /** How many tries a text gets while the provider cannot be reached. */
    static final int MAX_ATTEMPTS = 6;

    public record Text(
            long id,
            String channel,
            String recipient,
            String body,
            String status,
            int attempts,
            String providerId,
            String providerStatus,
            String lastError,
            Instant createdAt,
            Instant sentAt) {}

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /** Queues a text in the caller's transaction; DEMO ones are never sent. */
    public void queue(String channel, String recipient, String body, boolean demo) {
        em.createNativeQuery(
                        "INSERT INTO outgoing_text (channel, recipient, body, status) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, channel)
                .setParameter(2, recipient)
                .setParameter(3, StorableText.of(body, 1600))
                .setParameter(4, demo ? "DEMO" : "QUEUED")
                .executeUpdate();
    }

    /**
     * Takes up to {@code max} texts that are due, counting the attempt (in its own transaction: the
     * provider is called after it commits, with nothing locked).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Text> claimDue(int max) {
        return rows(
                em.createNativeQuery(
                                "UPDATE outgoing_text t SET attempts = t.attempts + 1,"
                                        + " next_attempt_at = now() + interval '10 minutes'"
                                        + " FROM (SELECT id FROM outgoing_text WHERE status = 'QUEUED'"
                                        + " AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT ?1"
                                        + " FOR UPDATE SKIP LOCKED) due WHERE t.id = due.id"
                                        + " RETURNING "
                                        + String.join(
                                                ", ",
                                                java.util.Arrays.stream(COLUMNS.split(", "))
                                                        .map(c -> "t." + c)
                                                        .toList()))
                        .setParameter(1, max)
                        .getResultList());
    }

    /** The provider took it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(long id, String providerId, String providerStatus) {
        em.createNativeQuery(
                        "UPDATE outgoing_text SET status = 'SENT', provider_id = ?1, provider_status = ?2,"
                                + " sent_at = now(), last_error = NULL WHERE id = ?3")
                .setParameter(1, providerId)
                .setParameter(2, providerStatus)
                .setParameter(3, id)
                .executeUpdate();
    }

    /**
     * The provider refused it, or could not be reached: tried again after a growing pause while
     * {@code retry} and tries remain, FAILED with the provider's words otherwise.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id, int attempts, String error, boolean retry, int pauseSeconds) {
        boolean again = retry && attempts < MAX_ATTEMPTS;
        em.createNativeQuery(
                        "UPDATE outgoing_text SET status = ?1, last_error = ?2,"
                                + " next_attempt_at = now() + make_interval(secs => ?3) WHERE id = ?4")
                .setParameter(1, again ? "QUEUED" : "FAILED")
                .setParameter(2, StorableText.of(error, 1000))
                .setParameter(3, (double) pauseSeconds * (1L << Math.min(attempts - 1, 10)))
                .setParameter(4, id)
                .executeUpdate();
    }

    /** The provider's word on delivery (its status callback); false for a text it never had. */
    public boolean delivery(String providerId, String status, boolean failed, Integer errorCode) {
        return em.createNativeQuery(
                                "UPDATE outgoing_text SET provider_status = ?1,"
                                        + " status = CASE WHEN ?2 THEN 'FAILED' WHEN ?1 IN ('delivered', 'read')"
                                        + " THEN 'DELIVERED' ELSE status END,"
                                        + " last_error = CASE WHEN ?2 THEN 'Not delivered: error ' || ?3 ELSE last_error END"
                                        + " WHERE provider_id = ?4")
                        .setParameter(1, StorableText.of(status, 20))
                        .setParameter(2, failed)
                        .setParameter(3, String.valueOf(errorCode))
                        .setParameter(4, providerId)
                        .executeUpdate()
                == 1;
    }

    /** Sends a FAILED text again (staff, once the cause is mended). */
    public void retry(long id) {
        em.createNativeQuery(
                        "UPDATE outgoing_text SET status = 'QUEUED', attempts = 0, next_attempt_at = now()"
                                + " WHERE id = ?1 AND status = 'FAILED'")
                .setParameter(1, id)
                .executeUpdate();
    }

    /** The latest texts, newest first, for staff. */
    public List<Text> latest(int max) {
        return rows(
                em.createNativeQuery(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM outgoing_text ORDER BY id DESC LIMIT ?1")
                        .setParameter(1, Math.max(1, Math.min(max, 500)))
                        .getResultList());
    }

    private static final String COLUMNS =
            "id, channel, recipient, body, status, attempts, provider_id, provider_status, last_error,"
                    + " created_at, sent_at";

    @SuppressWarnings("unchecked")
    private static List<Text> rows(List<?> result) {
        return ((List<Object[]>) result)
                .stream()
                        .map(
                                r ->
                                        new Text(
                                                ((Number) r[0]).longValue(),
                                                (String) r[1],
                                                (String) r[2],
                                                (String) r[3],
                                                (String) r[4],
                                                ((Number) r[5]).intValue(),
                                                (String) r[6],
                                                (String) r[7],
                                                (String) r[8],
                                                InstantConverter.instantOf(r[9]),
                                                r[10] == null
                                                        ? null
                                                        : InstantConverter.instantOf(r[10])))
                        .toList();
    }
}
