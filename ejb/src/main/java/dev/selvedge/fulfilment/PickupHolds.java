package dev.selvedge.fulfilment;

import dev.selvedge.inventory.ReservationService;
import dev.selvedge.ordering.CustomerOrder;
import dev.selvedge.ordering.OrderActor;
import dev.selvedge.ordering.OrderMoves;
import dev.selvedge.ordering.OrderStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Click and collect orders waiting at their store: a reminder to the shopper after {@code
 * selvedge.pickup.remind-after-days} (3), and past the store's hold (its {@code pickup_hold_days},
 * 7 unless set) the order is NOT_COLLECTED: its units go back on that store's shelf (the ledger
 * records it) and a card payment is refunded from the queue. Each order in a transaction of its
 * own, under its lock, so a repeat or a shopper collecting meanwhile changes the outcome safely.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PickupHolds {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB private OrderMoves moves;
    @EJB private FulfilmentService fulfilment;
    @EJB private ReservationService reservations;
    @EJB private OrderRefunds refunds;
    @EJB private OrderNotifications notifications;
    @Inject private Clock clock;

    @Inject
    @ConfigProperty(name = "selvedge.pickup.remind-after-days", defaultValue = "3")
    private int remindAfterDays;

    private static final String WAITING =
            "SELECT o.order_number FROM customer_order o JOIN location l ON l.code = o.pickup_store"
                    + " WHERE o.status = 'READY_FOR_PICKUP' AND ";

    /** Orders whose shopper should be reminded now, oldest first. */
    @SuppressWarnings("unchecked")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> toRemind(int limit) {
        return em.createNativeQuery(
                        WAITING
                                + "o.reminded_at IS NULL AND o.ready_at + make_interval(days => ?1) <= now()"
                                + " AND o.ready_at + make_interval(days => l.pickup_hold_days) > now()"
                                + " ORDER BY o.ready_at LIMIT ?2")
                .setParameter(1, remindAfterDays)
                .setParameter(2, limit)
                .getResultList();
    }

    /** Orders past their store's hold, oldest first. */
    @SuppressWarnings("unchecked")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> pastHold(int limit) {
        return em.createNativeQuery(
                        WAITING
                                + "o.ready_at + make_interval(days => l.pickup_hold_days) <= now()"
                                + " ORDER BY o.ready_at LIMIT ?1")
                .setParameter(1, limit)
                .getResultList();
    }

    /** Reminds the shopper, once. */
    public void remind(String orderNumber) {
        CustomerOrder order = moves.lock(orderNumber).orElse(null);
        if (order == null
                || order.getStatus() != OrderStatus.READY_FOR_PICKUP
                || order.getRemindedAt() != null) {
            return;
        }
        order.reminded(clock.instant());
        notifications.remindToCollect(orderNumber);
    }

    /** Past the hold: not collected, back on the store's shelf, refunded. */
    public void expire(String orderNumber) {
        List<Shipment> parcels = fulfilment.lockParcels(orderNumber);
        CustomerOrder order = moves.lock(orderNumber).orElse(null);
        if (order == null || order.getStatus() != OrderStatus.READY_FOR_PICKUP) {
            return; // Collected (or handled) meanwhile.
        }
        parcels.stream()
                .filter(p -> p.getStatus() == ShipmentStatus.READY_FOR_PICKUP)
                .forEach(p -> p.notCollected(clock.instant()));
        moves.move(
                order,
                OrderStatus.NOT_COLLECTED,
                OrderActor.system("pickup", "not collected within the store's hold"));
        reservations.restock(
                order.getReservationToken(),
                orderNumber,
                "pickup",
                "NOT_COLLECTED",
                "Not collected",
                order.getPickupStore());
        refunds.due(order, "NOT_COLLECTED");
    }
}
