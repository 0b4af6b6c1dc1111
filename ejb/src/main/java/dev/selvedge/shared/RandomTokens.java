package dev.selvedge.shared;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

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

    /** A random (version 4) UUID, from this thread's generator rather than the JVM's shared one. */
    public static UUID uuid() {
        byte[] random = new byte[16];
        RANDOM.get().nextBytes(random);
        random[6] = (byte) ((random[6] & 0x0f) | 0x40); // version 4
        random[8] = (byte) ((random[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(random);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
