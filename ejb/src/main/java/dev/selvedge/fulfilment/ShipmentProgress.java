package dev.selvedge.fulfilment;

import dev.selvedge.ordering.OrderStatus;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How far parcels are, and what that makes of their order: an order is as far as its least advanced
 * parcel (it is SHIPPED when every parcel is), PICKING as soon as one parcel is being picked,
 * DELIVERY_FAILED when one parcel failed, RETURNED_TO_ORIGIN when every parcel came back. Cancelled
 * parcels do not count.
 */
final class ShipmentProgress {

    private ShipmentProgress() {}

    /** The path of a parcel that goes well, in order. */
    private static final List<ShipmentStatus> FORWARD =
            List.of(
                    ShipmentStatus.TO_PICK,
                    ShipmentStatus.PICKING,
                    ShipmentStatus.TO_STORE,
                    ShipmentStatus.PACKED,
                    ShipmentStatus.BOOKING,
                    ShipmentStatus.BOOKING_FAILED,
                    ShipmentStatus.BOOKED,
                    ShipmentStatus.SHIPPED,
                    ShipmentStatus.DELIVERY_FAILED,
                    ShipmentStatus.OUT_FOR_DELIVERY,
                    ShipmentStatus.DELIVERED,
                    ShipmentStatus.READY_FOR_PICKUP,
                    ShipmentStatus.COLLECTED,
                    ShipmentStatus.NOT_COLLECTED);

    /**
     * Whether {@code next} is further along than {@code now}. A failed delivery may be tried again
     * (out for delivery once more); a return to origin ends the parcel's way, as does delivery.
     */
    static boolean isAhead(ShipmentStatus next, ShipmentStatus now) {
        if (now == ShipmentStatus.DELIVERED
                || now == ShipmentStatus.RETURNED_TO_ORIGIN
                || now == ShipmentStatus.COLLECTED
                || now == ShipmentStatus.NOT_COLLECTED
                || now == ShipmentStatus.CANCELLED) {
            return false;
        }
        if (next == ShipmentStatus.RETURNED_TO_ORIGIN) {
            return rank(now) >= rank(ShipmentStatus.SHIPPED);
        }
        if (next == ShipmentStatus.DELIVERY_FAILED && now == ShipmentStatus.OUT_FOR_DELIVERY) {
            return true;
        }
        return rank(next) > rank(now);
    }

    private static int rank(ShipmentStatus s) {
        int i = FORWARD.indexOf(s);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** The order status its parcels make, if they make one (none when all are cancelled). */
    static Optional<OrderStatus> orderStatus(Collection<ShipmentStatus> parcels) {
        List<ShipmentStatus> live =
                parcels.stream().filter(s -> s != ShipmentStatus.CANCELLED).toList();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        if (live.contains(ShipmentStatus.DELIVERY_FAILED)) {
            return Optional.of(OrderStatus.DELIVERY_FAILED);
        }
        if (live.stream().allMatch(s -> s == ShipmentStatus.RETURNED_TO_ORIGIN)) {
            return Optional.of(OrderStatus.RETURNED_TO_ORIGIN);
        }
        ShipmentStatus least =
                live.stream()
                        .filter(s -> s != ShipmentStatus.RETURNED_TO_ORIGIN)
                        .min((a, b) -> Integer.compare(rank(a), rank(b)))
                        .orElseThrow();
        OrderStatus order =
                switch (least) {
                    case TO_PICK ->
                            live.stream().anyMatch(s -> s != ShipmentStatus.TO_PICK)
                                    ? OrderStatus.PICKING
                                    : OrderStatus.ALLOCATED;
                    case PICKING, TO_STORE -> OrderStatus.PICKING;
                    case PACKED, BOOKING, BOOKING_FAILED, BOOKED -> OrderStatus.PACKED;
                    case SHIPPED -> OrderStatus.SHIPPED;
                    case OUT_FOR_DELIVERY -> OrderStatus.OUT_FOR_DELIVERY;
                    case DELIVERED -> OrderStatus.DELIVERED;
                    case READY_FOR_PICKUP -> OrderStatus.READY_FOR_PICKUP;
                    case COLLECTED -> OrderStatus.COLLECTED;
                    case NOT_COLLECTED -> OrderStatus.NOT_COLLECTED;
                    default -> throw new IllegalStateException("Parcel status " + least);
                };
        return Optional.of(order);
    }

    /** The happy path of an order after allocation. */
    private static final List<OrderStatus> ORDER_PATH =
            List.of(
                    OrderStatus.ALLOCATED,
                    OrderStatus.PICKING,
                    OrderStatus.PACKED,
                    OrderStatus.SHIPPED,
                    OrderStatus.OUT_FOR_DELIVERY,
                    OrderStatus.DELIVERED);

    /**
     * The next step on the way from {@code now} to {@code target} when there is no direct move
     * (packed to out for delivery goes through shipped); empty when the target lies behind.
     */
    static Optional<OrderStatus> nextStep(OrderStatus now, OrderStatus target) {
        int from = ORDER_PATH.indexOf(now);
        int to = ORDER_PATH.indexOf(target);
        if (from < 0 || to <= from) {
            return Optional.empty();
        }
        OrderStatus next = ORDER_PATH.get(from + 1);
        return now.canGoTo(next) ? Optional.of(next) : Optional.empty();
    }
}
