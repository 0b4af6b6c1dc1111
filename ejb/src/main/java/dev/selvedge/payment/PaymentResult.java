package dev.selvedge.payment;

/**
 * A provider's answer: APPROVED (paid), PENDING (to be paid later, e.g. on delivery), REDIRECT (the
 * shopper pays on the provider's own page at {@code redirectUrl}; the answer comes back later, by
 * the return page or a webhook), DECLINED, ERROR. {@code reference} is the provider's id for the
 * payment (a Checkout Session, an order).
 */
public record PaymentResult(Status status, String reference, String message, String redirectUrl) {

    public enum Status {
        APPROVED,
        PENDING,
        REDIRECT,
        DECLINED,
        ERROR
    }

    public PaymentResult(Status status, String reference, String message) {
        this(status, reference, message, null);
    }

    public boolean settlesTheOrder() {
        return status == Status.APPROVED || status == Status.PENDING;
    }

    public boolean failed() {
        return status == Status.DECLINED || status == Status.ERROR;
    }
}
