package dev.selvedge.fulfilment;

import dev.selvedge.inventory.ReservationService;
import dev.selvedge.ordering.CustomerOrder;
import dev.selvedge.ordering.OrderActor;
import dev.selvedge.ordering.OrderMoves;
import dev.selvedge.ordering.OrderStatus;
import dev.selvedge.shared.JsonObjects;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Cancels an order before it ships, by its shopper or by staff, in one transaction under the
 * order's lock: the move to CANCELLED with who and why, the units back on hand where they were sold
 * from (the ledger records it), the parcels stopped, and what must reach outside services handed to
 * the fulfilment queue: the refund to the card and the carrier's booking cancelled. So a shopper
 * never waits for a provider, and a provider that is down loses nothing.
 */
@Stateless
public class OrderCancellation {

    /** What a cancellation came to: the money going back (0 when nothing was paid). */
    public record Cancelled(String orderNumber, long refundMinor, String currency) {}

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB private OrderMoves moves;
    @EJB private ReservationService reservations;
    @EJB private OrderRefunds refunds;
    @EJB private FulfilmentService fulfilment;
    @EJB private dev.selvedge.account.StaffDirectory directory;
    @Inject private Clock clock;

    /**
     * Cancels the order; refused with the reason ({@link FulfilmentRefused}) when it is gone too
     * far (shipped) or was never paid.
     */
    public Cancelled cancel(String orderNumber, OrderActor actor) {
        if (actor.kind() == OrderActor.Kind.STAFF
                && !directory.scope(actor.name()).servesCustomers()) {
            throw new FulfilmentRefused("Only customer service (or an admin) cancels orders");
        }
        // Parcels first, then the order: the order fulfilment's own moves take the locks in.
        List<Shipment> parcels = fulfilment.lockParcels(orderNumber);
        CustomerOrder order =
                moves.lock(orderNumber)
                        .orElseThrow(() -> new FulfilmentRefused("No order " + orderNumber));
        OrderStatus now = order.getStatus();
        if (now == OrderStatus.CANCELLED) {
            throw new FulfilmentRefused("Order " + orderNumber + " is cancelled already");
        }
        if (!now.cancellable()) {
            throw new FulfilmentRefused(
                    "Order "
                            + orderNumber
                            + " is "
                            + now.label().toLowerCase()
                            + ": it can only be cancelled before it ships"
                            + (now == OrderStatus.DELIVERED ? "; it can be returned instead" : ""));
        }
        if (parcels.stream()
                .anyMatch(
                        p ->
                                p.getStatus() == ShipmentStatus.TO_STORE
                                        || p.getStatus() == ShipmentStatus.READY_FOR_PICKUP)) {
            throw new FulfilmentRefused(
                    "Order "
                            + orderNumber
                            + " is partly on its way to, or waiting at, "
                            + order.getPickupStore()
                            + ": it can be cancelled once every parcel is at the store (not collected"
                            + " orders are cancelled and refunded by themselves)");
        }
        moves.move(order, OrderStatus.CANCELLED, actor);
        reservations.restock(order.getReservationToken(), orderNumber, actor.name());
        for (Shipment parcel : parcels) {
            if (parcel.cancel(clock.instant())) {
                moves.handOff(cancelBooking(parcel.getId()));
            }
        }
        long refund = refunds.due(order, "CANCELLED");
        return new Cancelled(orderNumber, refund, order.getCurrency());
    }

    /** The request that has the carrier cancel a parcel's booking. */
    static String cancelBooking(long shipmentId) {
        return JsonObjects.object()
                .add("eventId", UUID.randomUUID().toString())
                .add("type", "CANCEL_SHIPMENT")
                .add("shipmentId", shipmentId)
                .build()
                .toString();
    }
}
