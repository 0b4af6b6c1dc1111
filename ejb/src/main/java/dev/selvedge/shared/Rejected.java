package dev.selvedge.shared;

import jakarta.ejb.ApplicationException;

/**
 * A request that cannot be taken as sent: nothing of it was applied, and the caller may send it
 * again once corrected. {@code status} is the HTTP answer (400, 404, 409, 422).
 */
@ApplicationException(rollback = true, inherited = true)
public class Rejected extends RuntimeException {

    private final int status;

    public Rejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
