package dev.selvedge.ordering;

/** Where an order stands. PENDING_PAYMENT leads to CONFIRMED, PAYMENT_FAILED or CANCELLED. */
public enum OrderStatus {
    PENDING_PAYMENT,
    CONFIRMED,
    PAYMENT_FAILED,
    CANCELLED
}
