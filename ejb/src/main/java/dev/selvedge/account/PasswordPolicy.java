package dev.selvedge.account;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.List;
import java.util.Optional;

/**
 * What a new password must be (NIST SP 800-63B, OWASP ASVS): 12 to 128 characters, any characters,
 * and not guessable. zxcvbn checks it against the lists of the most common breached passwords,
 * names, words and keyboard patterns, and against the shopper's own email and name; a score under 3
 * of 4 is refused with its reason.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private PasswordPolicy() {}

    /** Why the password is refused, or empty when it is fine. */
    public static Optional<String> problem(String password, String... personal) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        List<String> inputs =
                java.util.stream.Stream.of(personal)
                        .filter(s -> s != null && !s.isBlank())
                        .map(s -> s.toLowerCase(java.util.Locale.ROOT))
                        .flatMap(
                                s ->
                                        java.util.stream.Stream.concat(
                                                // The whole, the part before the @, and each word.
                                                java.util.stream.Stream.of(s, s.split("@")[0]),
                                                java.util.Arrays.stream(
                                                        s.split("[^\\p{L}\\p{N}]+"))))
                        .filter(s -> s.length() > 2)
                        .toList();
        Strength strength = ZXCVBN.measure(password, inputs);
        if (strength.getScore() >= 3) {
            return Optional.empty();
        }
        String warning = strength.getFeedback().getWarning();
        return Optional.of(
                (warning == null || warning.isBlank()
                                ? "This password is too easy to guess."
                                : warning.endsWith(".") ? warning : warning + ".")
                        + " Try a few unrelated words, or let your browser suggest one.");
    }
}
