package dev.selvedge.fulfilment;

import jakarta.ejb.ApplicationException;

/**
 * An order message that cannot be handled however often it is tried (no such order, no location
 * holds its units): parked at once for staff, with this reason, instead of being retried.
 */
@ApplicationException(rollback = true)
public class FulfilmentProblem extends RuntimeException {

    public FulfilmentProblem(String reason) {
        super(reason);
    }
}
