package dev.selvedge.fulfilment;

import jakarta.ejb.ApplicationException;

/** Something staff asked of a parcel that cannot be done now, with why (shown to them as is). */
@ApplicationException(rollback = true)
public class FulfilmentRefused extends RuntimeException {

    public FulfilmentRefused(String reason) {
        super(reason);
    }
}
