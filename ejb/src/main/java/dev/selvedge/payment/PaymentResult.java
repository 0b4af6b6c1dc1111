package dev.selvedge.payment;

/**
 * A provider's answer: APPROVED (paid), PENDING (to be paid later, e.g. on delivery), DECLINED,
 * ERROR.
 */
public record PaymentResult(Status status, String reference, String message) {

    public enum Status {
        APPROVED,
        PENDING,
        DECLINED,
        ERROR
    }

    public boolean settlesTheOrder() {
        return status == Status.APPROVED || status == Status.PENDING;
    }
}
