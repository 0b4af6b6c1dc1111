package dev.selvedge.ordering;

import dev.selvedge.shared.InstantConverter;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Orders as staff read them: newest first, each with every attempt to pay for it. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OrderBook {

    public record Attempt(
            Instant at, String gateway, String status, String reference, String message) {}

    public record Summary(
            String orderNumber,
            Instant createdAt,
            String email,
            String status,
            long totalMinor,
            String currency,
            String paymentMethod,
            List<Attempt> attempts) {}

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /** A provider's webhook as it was received and what became of it. */
    public record Notification(
            Instant receivedAt,
            String gateway,
            String eventId,
            String type,
            String orderNumber,
            String outcome,
            String detail) {}

    public List<Notification> notifications(int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT received_at, gateway, event_id, event_type, order_number, outcome, detail"
                                        + " FROM payment_event ORDER BY id DESC LIMIT ?1")
                        .setParameter(1, max)
                        .getResultList();
        return rows.stream()
                .map(
                        r ->
                                new Notification(
                                        InstantConverter.instantOf(r[0]),
                                        (String) r[1],
                                        (String) r[2],
                                        (String) r[3],
                                        (String) r[4],
                                        (String) r[5],
                                        (String) r[6]))
                .toList();
    }

    /** An order waiting for its payment on a provider's page. */
    public record Waiting(String orderNumber, String gateway, Instant placedAt) {}

    /**
     * Orders placed before {@code placedBefore} still waiting for a provider's answer, oldest
     * first.
     */
    public List<Waiting> waitingForPayment(Instant placedBefore, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT o.order_number, o.payment_method, o.created_at FROM customer_order o"
                                        + " WHERE o.status = 'PENDING_PAYMENT' AND o.created_at < ?1"
                                        + " AND EXISTS (SELECT 1 FROM payment_attempt a WHERE a.order_id = o.id AND a.status = 'REDIRECT')"
                                        + " ORDER BY o.id LIMIT ?2")
                        .setParameter(1, java.sql.Timestamp.from(placedBefore))
                        .setParameter(2, max)
                        .getResultList();
        return rows.stream()
                .map(
                        r ->
                                new Waiting(
                                        (String) r[0],
                                        (String) r[1],
                                        InstantConverter.instantOf(r[2])))
                .toList();
    }

    public java.util.Optional<CustomerOrder> find(String orderNumber) {
        return em.createNamedQuery("CustomerOrder.byNumber", CustomerOrder.class)
                .setParameter("number", orderNumber)
                .getResultStream()
                .findFirst();
    }

    /** The columns the orders page may sort by, each a SQL expression of this class's own. */
    private static final Map<String, String> SORTS =
            Map.of(
                    "orderNumber", "o.order_number",
                    "createdAt", "o.id",
                    "email", "o.email",
                    "status", "o.status",
                    "totalMinor", "o.total_minor");

    /**
     * A page of orders, newest first unless a sort is given: {@code text} keeps those whose number
     * or shopper's email contains it, {@code status} those in that state (null: all).
     */
    public List<Summary> page(
            String text, String status, int first, int size, String sortBy, boolean ascending) {
        String order =
                java.util.Optional.ofNullable(SORTS.get(sortBy)).orElse("o.id")
                        + (ascending ? " ASC" : " DESC")
                        + ", o.id DESC";
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                filtered(
                                "SELECT o.order_number, o.created_at, o.email, o.status, o.total_minor, o.currency,"
                                        + " o.payment_method, a.created_at, a.gateway, a.status, a.reference, a.message"
                                        + " FROM (SELECT o.* FROM customer_order o",
                                text,
                                status,
                                " ORDER BY "
                                        + order
                                        + " OFFSET ?3 LIMIT ?4) o"
                                        + " LEFT JOIN payment_attempt a ON a.order_id = o.id ORDER BY "
                                        + order
                                        + ", a.id")
                        .setParameter(3, Math.max(0, first))
                        .setParameter(4, Math.max(1, Math.min(size, 200)))
                        .getResultList();
        return summaries(rows);
    }

    public int count(String text, String status) {
        return ((Number)
                        filtered("SELECT count(*) FROM customer_order o", text, status, "")
                                .getSingleResult())
                .intValue();
    }

    private jakarta.persistence.Query filtered(
            String select, String text, String status, String tail) {
        String t = text == null ? "" : text.strip();
        return em.createNativeQuery(
                        select
                                + " WHERE (?1 = '' OR o.order_number ILIKE '%' || ?1 || '%' OR o.email ILIKE '%' || ?1 || '%')"
                                + " AND (?2 = '' OR o.status = ?2)"
                                + tail)
                .setParameter(1, t.length() > 80 ? t.substring(0, 80) : t)
                .setParameter(2, status == null ? "" : status);
    }

    /** Rows of an order joined with its payment attempts, as orders with their attempts. */
    private static List<Summary> summaries(List<Object[]> rows) {
        Map<String, Summary> orders = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Summary order =
                    orders.computeIfAbsent(
                            (String) r[0],
                            number ->
                                    new Summary(
                                            number,
                                            InstantConverter.instantOf(r[1]),
                                            (String) r[2],
                                            (String) r[3],
                                            ((Number) r[4]).longValue(),
                                            ((String) r[5]).strip(),
                                            (String) r[6],
                                            new ArrayList<>()));
            if (r[8] != null) {
                order.attempts()
                        .add(
                                new Attempt(
                                        InstantConverter.instantOf(r[7]),
                                        (String) r[8],
                                        (String) r[9],
                                        (String) r[10],
                                        (String) r[11]));
            }
        }
        return List.copyOf(orders.values());
    }
}
