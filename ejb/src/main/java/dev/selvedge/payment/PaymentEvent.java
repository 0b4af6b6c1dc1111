package dev.selvedge.payment;

/**
 * A provider's notification about a payment, its signature checked: the provider's event id (for
 * de-duplication), its type, the order it is about, and what it says of the payment.
 */
public record PaymentEvent(String eventId, String type, String orderNumber, PaymentResult result) {}
