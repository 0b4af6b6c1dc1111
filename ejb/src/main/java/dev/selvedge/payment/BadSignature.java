package dev.selvedge.payment;

import dev.selvedge.shared.Rejected;

/** A webhook whose signature does not check out (or is too old): not from the provider. */
public class BadSignature extends Rejected {

    public BadSignature(String message) {
        super(400, message);
    }
}
