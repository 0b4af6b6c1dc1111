package dev.selvedge.ordering;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an order stands. Checkout: PENDING_PAYMENT leads to CONFIRMED, PAYMENT_FAILED or CANCELLED.
 * After payment (issue #12): CONFIRMED, ALLOCATED, PICKING, PACKED, SHIPPED, OUT_FOR_DELIVERY,
 * DELIVERED, with DELIVERY_FAILED and RETURNED_TO_ORIGIN; click and collect goes from ALLOCATED or
 * PICKING to READY_FOR_PICKUP, then COLLECTED or NOT_COLLECTED. The moves allowed are the
 * database's table {@code order_transition}, which refuses any other (V20); {@link #canGoTo} is the
 * same table for the code, so that a refused move says why before it reaches the database
 * (OrderTransitionsIT compares the two).
 */
public enum OrderStatus {
    PENDING_PAYMENT,
    CONFIRMED,
    PAYMENT_FAILED,
    CANCELLED,
    ALLOCATED,
    PICKING,
    PACKED,
    SHIPPED,
    OUT_FOR_DELIVERY,
    DELIVERED,
    DELIVERY_FAILED,
    RETURNED_TO_ORIGIN,
    READY_FOR_PICKUP,
    COLLECTED,
    NOT_COLLECTED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT =
            Map.ofEntries(
                    Map.entry(PENDING_PAYMENT, EnumSet.of(CONFIRMED, PAYMENT_FAILED, CANCELLED)),
                    Map.entry(PAYMENT_FAILED, EnumSet.of(CONFIRMED, CANCELLED)),
                    Map.entry(CONFIRMED, EnumSet.of(ALLOCATED, CANCELLED)),
                    Map.entry(
                            ALLOCATED, EnumSet.of(PICKING, CONFIRMED, READY_FOR_PICKUP, CANCELLED)),
                    Map.entry(PICKING, EnumSet.of(PACKED, ALLOCATED, READY_FOR_PICKUP, CANCELLED)),
                    Map.entry(PACKED, EnumSet.of(SHIPPED, CANCELLED)),
                    Map.entry(SHIPPED, EnumSet.of(OUT_FOR_DELIVERY, DELIVERED, DELIVERY_FAILED)),
                    Map.entry(OUT_FOR_DELIVERY, EnumSet.of(DELIVERED, DELIVERY_FAILED)),
                    Map.entry(DELIVERY_FAILED, EnumSet.of(OUT_FOR_DELIVERY, RETURNED_TO_ORIGIN)),
                    Map.entry(READY_FOR_PICKUP, EnumSet.of(COLLECTED, NOT_COLLECTED)));

    /** How the order's page and its messages name the state to the shopper. */
    public String label() {
        return switch (this) {
            case PENDING_PAYMENT -> "Waiting for payment";
            case CONFIRMED -> "Order confirmed";
            case PAYMENT_FAILED -> "Payment failed";
            case CANCELLED -> "Cancelled";
            case ALLOCATED, PICKING -> "Being prepared";
            case PACKED -> "Packed";
            case SHIPPED -> "Shipped";
            case OUT_FOR_DELIVERY -> "Out for delivery";
            case DELIVERED -> "Delivered";
            case DELIVERY_FAILED -> "Delivery attempt failed";
            case RETURNED_TO_ORIGIN -> "Returned to us";
            case READY_FOR_PICKUP -> "Ready to collect";
            case COLLECTED -> "Collected";
            case NOT_COLLECTED -> "Not collected";
        };
    }

    /**
     * Whether the order was paid (or accepted for cash on delivery) and is on its way: CONFIRMED or
     * any state after it but CANCELLED. Fulfilment moves a confirmed order on within milliseconds,
     * so "paid" is never a test for CONFIRMED alone.
     */
    public boolean isPlaced() {
        return this != PENDING_PAYMENT && this != PAYMENT_FAILED && this != CANCELLED;
    }

    /** Whether the shopper may still cancel: nothing has left the shop yet. */
    public boolean cancellable() {
        return canGoTo(CANCELLED) && this != PENDING_PAYMENT && this != PAYMENT_FAILED;
    }

    /** Whether an order may move from this state to {@code next}. */
    public boolean canGoTo(OrderStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    /** Every move allowed, as "FROM>TO". */
    public static Set<String> moves() {
        Set<String> all = new java.util.TreeSet<>();
        NEXT.forEach((from, to) -> to.forEach(t -> all.add(from + ">" + t)));
        return all;
    }
}
