package dev.selvedge.account;

import jakarta.ejb.ApplicationException;

/** Something about staff accounts that cannot be done, with why (shown to the admin as is). */
@ApplicationException(rollback = true)
public class StaffRefused extends RuntimeException {

    public StaffRefused(String reason) {
        super(reason);
    }
}
