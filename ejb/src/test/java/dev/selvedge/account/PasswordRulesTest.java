package dev.selvedge.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private final Argon2PasswordHash hashing = new Argon2PasswordHash();

    @Test
    void argon2idHashesVerifyOnlyTheirOwnPassword() {
        String hash = hashing.generate("lantern-ochre-dune-kettle".toCharArray());
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hashing.verify("lantern-ochre-dune-kettle".toCharArray(), hash)).isTrue();
        assertThat(hashing.verify("lantern-ochre-dune-kettlf".toCharArray(), hash)).isFalse();
        // Two hashes of one password differ (a salt each).
        assertThat(hashing.generate("lantern-ochre-dune-kettle".toCharArray())).isNotEqualTo(hash);
        assertThat(hashing.verify("x".toCharArray(), "not a hash")).isFalse();
    }

    @Test
    void shortCommonAndPersonalPasswordsAreRefusedWithTheirReason() {
        assertThat(PasswordPolicy.problem("Kettle-7dune")).isEmpty();
        assertThat(PasswordPolicy.problem("short-1A!")).contains("Use at least 12 characters.");
        assertThat(PasswordPolicy.problem("password1234"))
                .get()
                .asString()
                .startsWith("This is a very common password. Try");
        assertThat(PasswordPolicy.problem("qwertyuiop123")).isPresent();
        assertThat(PasswordPolicy.problem("iloveyou2024!")).isPresent();
        assertThat(
                        PasswordPolicy.problem(
                                "priya.sharma1", "priya.sharma@example.in", "Priya Sharma"))
                .isPresent();
        assertThat(PasswordPolicy.problem("x".repeat(129))).contains("Use at most 128 characters.");
    }
}
