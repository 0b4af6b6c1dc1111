package dev.selvedge.shared;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens for links, cookies and keys: random bytes, URL-safe Base64. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {}

    /** A token of {@code bytes} random bytes (32 for 256 bits). */
    public static String of(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
