package dev.selvedge.fulfilment;

import dev.selvedge.ordering.CustomerOrder;
import dev.selvedge.ordering.OrderMoves;
import dev.selvedge.payment.PaymentGateways;
import dev.selvedge.payment.PaymentResult;
import dev.selvedge.shared.JsonObjects;
import dev.selvedge.shared.StorableText;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The money a cancelled order gives back to the card it came from. {@link #due} records the refund
 * with the cancellation and hands it to the fulfilment queue; {@link #attempt} asks the gateway
 * from there (its refund call carries an idempotency key made of the payment and the amount, so a
 * retry never refunds twice); a refusal or an outage leaves it FAILED with the provider's words,
 * for staff to retry ({@link #retry}).
 */
@Stateless
public class OrderRefunds {

    /** A refund as staff and the order's page read it. */
    public record Refund(
            long id,
            String orderNumber,
            String cause,
            String gateway,
            long amountMinor,
            String currency,
            String status,
            int tries,
            String message,
            Instant createdAt,
            Instant refundedAt) {}

    /** What the queue's consumer does next with a refund. */
    public enum Outcome {
        REFUNDED,
        RETRY,
        FAILED,
        NOTHING
    }

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB private OrderMoves moves;
    @Inject private PaymentGateways gateways;

    /**
     * Records the refund an order owes for this cause (when it was paid by card: cash on delivery
     * owes nothing) and hands it to the queue; answers the amount (0 when none).
     */
    public long due(CustomerOrder order, String cause) {
        @SuppressWarnings("unchecked")
        List<Object[]> paid =
                em.createNativeQuery(
                                "SELECT gateway, reference, amount_minor FROM payment_attempt"
                                        + " WHERE order_id = ?1 AND status = 'APPROVED' AND reference IS NOT NULL"
                                        + " ORDER BY id DESC LIMIT 1")
                        .setParameter(1, order.getId())
                        .getResultList();
        if (paid.isEmpty()) {
            return 0;
        }
        Object[] p = paid.get(0);
        long amount = ((Number) p[2]).longValue();
        @SuppressWarnings("unchecked")
        List<Object> id =
                em.createNativeQuery(
                                "INSERT INTO order_refund (order_id, cause, gateway, payment_reference, amount_minor, currency)"
                                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (order_id, cause) DO NOTHING RETURNING id")
                        .setParameter(1, order.getId())
                        .setParameter(2, cause)
                        .setParameter(3, p[0])
                        .setParameter(4, p[1])
                        .setParameter(5, amount)
                        .setParameter(6, order.getCurrency())
                        .getResultList();
        if (!id.isEmpty()) {
            moves.handOff(request(((Number) id.get(0)).longValue()));
        }
        return amount;
    }

    static String request(long refundId) {
        return request(refundId, 0);
    }

    /** The queue's request to ask the gateway, after {@code tries} tries. */
    static String request(long refundId, int tries) {
        return JsonObjects.object()
                .add("eventId", UUID.randomUUID().toString())
                .add("type", "REFUND")
                .add("refundId", refundId)
                .add("tries", tries)
                .build()
                .toString();
    }

    /**
     * Asks the gateway for a PENDING refund (in its own transaction, the row locked meanwhile so
     * that two deliveries take turns): REFUNDED, RETRY (the provider could not be reached and tries
     * remain), FAILED (refused, or the last try), NOTHING (not pending).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome attempt(long refundId, int maxTries) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "UPDATE order_refund SET tries = tries + 1 WHERE id = ?1 AND status = 'PENDING'"
                                        + " RETURNING gateway, payment_reference, amount_minor, tries")
                        .setParameter(1, refundId)
                        .getResultList();
        if (rows.isEmpty()) {
            return Outcome.NOTHING;
        }
        Object[] r = rows.get(0);
        String gatewayId = (String) r[0];
        int tries = ((Number) r[3]).intValue();
        PaymentResult result;
        try {
            result =
                    gateways.byId(gatewayId)
                            .map(g -> g.refund((String) r[1], ((Number) r[2]).longValue()))
                            .orElseGet(
                                    () ->
                                            new PaymentResult(
                                                    PaymentResult.Status.DECLINED,
                                                    (String) r[1],
                                                    "No gateway " + gatewayId));
        } catch (RuntimeException e) {
            result =
                    new PaymentResult(
                            PaymentResult.Status.ERROR,
                            (String) r[1],
                            String.valueOf(e.getMessage()));
        }
        if (result.status() == PaymentResult.Status.APPROVED) {
            finish(refundId, "REFUNDED", result.message());
            return Outcome.REFUNDED;
        }
        if (result.status() == PaymentResult.Status.ERROR && tries < maxTries) {
            note(refundId, result.message());
            return Outcome.RETRY;
        }
        finish(refundId, "FAILED", result.message());
        return Outcome.FAILED;
    }

    /** Staff ask again for a FAILED refund (after the provider's problem is mended). */
    public boolean retry(long refundId) {
        int changed =
                em.createNativeQuery(
                                "UPDATE order_refund SET status = 'PENDING', tries = 0 WHERE id = ?1 AND status = 'FAILED'")
                        .setParameter(1, refundId)
                        .executeUpdate();
        if (changed == 1) {
            moves.handOff(request(refundId));
        }
        return changed == 1;
    }

    /** The refunds of an order, newest first. */
    public List<Refund> of(String orderNumber) {
        return list("o.order_number = ?1", 50, orderNumber);
    }

    /** Refunds that went wrong, newest first, for staff. */
    public List<Refund> failed(int max) {
        return list("r.status = 'FAILED'", max);
    }

    public Optional<Refund> find(long id) {
        return list("r.id = ?1", 1, id).stream().findFirst();
    }

    private List<Refund> list(String where, int max, Object... values) {
        var query =
                em.createNativeQuery(
                        "SELECT r.id, o.order_number, r.cause, r.gateway, r.amount_minor, r.currency, r.status,"
                                + " r.tries, r.provider_message, r.created_at, r.refunded_at"
                                + " FROM order_refund r JOIN customer_order o ON o.id = r.order_id WHERE "
                                + where
                                + " ORDER BY r.id DESC LIMIT "
                                + Math.max(1, Math.min(max, 500)));
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(
                        r ->
                                new Refund(
                                        ((Number) r[0]).longValue(),
                                        (String) r[1],
                                        (String) r[2],
                                        (String) r[3],
                                        ((Number) r[4]).longValue(),
                                        (String) r[5],
                                        (String) r[6],
                                        ((Number) r[7]).intValue(),
                                        (String) r[8],
                                        dev.selvedge.shared.InstantConverter.instantOf(r[9]),
                                        r[10] == null
                                                ? null
                                                : dev.selvedge.shared.InstantConverter.instantOf(
                                                        r[10])))
                .toList();
    }

    private void finish(long id, String status, String message) {
        em.createNativeQuery(
                        "UPDATE order_refund SET status = ?1, provider_message = ?2,"
                                + " refunded_at = CASE WHEN ?1 = 'REFUNDED' THEN now() END WHERE id = ?3")
                .setParameter(1, status)
                .setParameter(2, StorableText.of(String.valueOf(message), 1000))
                .setParameter(3, id)
                .executeUpdate();
    }

    private void note(long id, String message) {
        em.createNativeQuery("UPDATE order_refund SET provider_message = ?1 WHERE id = ?2")
                .setParameter(1, StorableText.of(String.valueOf(message), 1000))
                .setParameter(2, id)
                .executeUpdate();
    }
}
