package dev.selvedge.fulfilment;

import java.security.SecureRandom;

/** The six-digit code a click and collect shopper shows at the counter. */
final class PickupCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PickupCodes() {}

    static String next() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }
}
