package dev.selvedge.inventory;

import jakarta.ejb.ApplicationException;

/**
 * A POS event that cannot be applied as sent (malformed, unknown SKU or store); nothing of it is
 * applied, and the same event may be sent again once corrected. {@code status} is the HTTP answer.
 */
@ApplicationException(rollback = true)
public class PosEventRejected extends RuntimeException {

    private final int status;

    public PosEventRejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
