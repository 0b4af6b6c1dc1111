package dev.selvedge.ordering;

/**
 * Where an order stands. Checkout: PENDING_PAYMENT leads to CONFIRMED, PAYMENT_FAILED or CANCELLED.
 * After payment (issue #12): CONFIRMED, ALLOCATED, PICKING, PACKED, SHIPPED, OUT_FOR_DELIVERY,
 * DELIVERED, with DELIVERY_FAILED and RETURNED_TO_ORIGIN; click and collect goes from ALLOCATED or
 * PICKING to READY_FOR_PICKUP, then COLLECTED or NOT_COLLECTED. The moves allowed are the
 * database's table {@code order_transition}, which refuses any other (V20).
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
    NOT_COLLECTED
}
