package dev.selvedge.ordering;

/**
 * What a checkout came to, as the API answers it: 201 (order placed), 202 (the shopper pays on the
 * provider's page at {@code paymentUrl}), 402 (payment declined or failed; the stock went back),
 * and on a repeat of the same request the first answer again (a 201 repeated is a 200).
 */
public record CheckoutAnswer(
        int status,
        String orderNumber,
        String orderStatus,
        long totalMinor,
        String currency,
        String paymentMessage,
        String paymentUrl) {

    public CheckoutAnswer repeated() {
        return new CheckoutAnswer(
                status == 201 ? 200 : status,
                orderNumber,
                orderStatus,
                totalMinor,
                currency,
                paymentMessage,
                paymentUrl);
    }
}
