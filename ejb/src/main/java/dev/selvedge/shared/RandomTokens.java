package dev.selvedge.shared;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens for links, cookies and keys: random bytes, URL-safe Base64. */
public final class RandomTokens {

    // One generator per thread: the default (NativePRNG) serialises every caller of the JVM on one
    // lock, and pages ask for a token (their script nonce) on every view. DRBG is the JDK's NIST
    // SP 800-90A generator, seeded from the operating system.
    private static final ThreadLocal<SecureRandom> RANDOM =
            ThreadLocal.withInitial(RandomTokens::newGenerator);

    private RandomTokens() {}

    /** A token of {@code bytes} random bytes (32 for 256 bits). */
    public static String of(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.get().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
