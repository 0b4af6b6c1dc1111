package dev.selvedge.inventory;

import dev.selvedge.shared.Rejected;

/**
 * A POS event that cannot be applied as sent (malformed, unknown SKU or store); nothing of it is
 * applied, and the same event may be sent again once corrected.
 */
public class PosEventRejected extends Rejected {

    public PosEventRejected(int status, String message) {
        super(status, message);
    }
}
