package dev.selvedge.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1), stored in the PHC string format ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so that the parameters can be raised later and old
 * hashes still verify.
 */
@ApplicationScoped
public class Argon2PasswordHash implements PasswordHash {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC =
            Pattern.compile(
                    "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();

    @Override
    public String generate(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = hash(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m="
                + MEMORY_KIB
                + ",t="
                + ITERATIONS
                + ",p="
                + PARALLELISM
                + "$"
                + B64.encodeToString(salt)
                + "$"
                + B64.encodeToString(hash);
    }

    @Override
    public boolean verify(char[] password, String hashedPassword) {
        Matcher m = hashedPassword == null ? null : PHC.matcher(hashedPassword);
        if (m == null || !m.matches()) {
            return false;
        }
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual =
                hash(
                        password,
                        B64D.decode(m.group(4)),
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)),
                        expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] hash(
            char[] password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(
                new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withMemoryAsKB(memoryKib)
                        .withIterations(iterations)
                        .withParallelism(lanes)
                        .withSalt(salt)
                        .build());
        byte[] out = new byte[length];
        generator.generateBytes(
                new String(password).getBytes(StandardCharsets.UTF_8), out, 0, out.length);
        return out;
    }
}
