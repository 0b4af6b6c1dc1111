package dev.selvedge.payment;

/**
 * What to charge: the order, the amount in minor units, the provider's token for the card (when the
 * shopper's device made one), and the page of this shop the provider sends the shopper back to.
 */
public record PaymentRequest(
        String orderNumber,
        long amountMinor,
        String currency,
        String email,
        String token,
        String returnUrl) {

    public PaymentRequest withToken(String value) {
        return new PaymentRequest(orderNumber, amountMinor, currency, email, value, returnUrl);
    }
}
