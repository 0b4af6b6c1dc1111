package dev.selvedge.fulfilment;

import dev.selvedge.ordering.CustomerOrder;
import jakarta.persistence.EntityManager;

/**
 * A cash-on-delivery order is paid when the shopper takes it: the courier (or the store's counter)
 * collected the money. Recorded as the order's approved payment, once.
 */
final class CashOnDeliveryPaid {

    private CashOnDeliveryPaid() {}

    static void record(EntityManager em, CustomerOrder order, String how) {
        if (!"cod".equals(order.getPaymentMethod())) {
            return;
        }
        em.createNativeQuery(
                        "INSERT INTO payment_attempt (order_id, gateway, status, reference, amount_minor, currency, message)"
                                + " SELECT ?1, 'cod', 'APPROVED', ?2, ?3, ?4, ?5 WHERE NOT EXISTS ("
                                + " SELECT 1 FROM payment_attempt WHERE order_id = ?1 AND gateway = 'cod' AND status = 'APPROVED')")
                .setParameter(1, order.getId())
                .setParameter(2, "cod-" + order.getOrderNumber())
                .setParameter(3, order.getTotalMinor())
                .setParameter(4, order.getCurrency())
                .setParameter(5, how)
                .executeUpdate();
    }
}
