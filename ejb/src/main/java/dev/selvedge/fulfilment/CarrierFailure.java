package dev.selvedge.fulfilment;

/**
 * A carrier refused a request or could not be reached. {@code retryable} when trying again later
 * can help (no answer, 5xx, 429); otherwise staff must change something first (the carrier's words
 * are in the message).
 */
public class CarrierFailure extends RuntimeException {

    private final boolean retryable;

    public CarrierFailure(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
