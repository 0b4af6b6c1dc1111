package dev.selvedge.payment;

/** What to charge: the order, the amount in minor units, and the provider's token for the card. */
public record PaymentRequest(
        String orderNumber, long amountMinor, String currency, String email, String token) {}
