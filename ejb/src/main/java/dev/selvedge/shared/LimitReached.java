package dev.selvedge.shared;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/**
 * A caller has used up what it may do for now (holds, emails, sign-ins): nothing was done, and the
 * same request may succeed after {@code retryAfter}.
 */
@ApplicationException(rollback = true, inherited = true)
public class LimitReached extends RuntimeException {

    private final Duration retryAfter;

    public LimitReached(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
