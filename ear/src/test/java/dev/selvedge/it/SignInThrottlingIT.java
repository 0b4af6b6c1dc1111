package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-in seen from outside: an unknown email and a wrong password get the same answer in about the
 * same time (the unknown email is hashed too), and repeated failures are throttled per email, for
 * accounts that exist and ones that do not, even when the right password comes next.
 */
class SignInThrottlingIT extends ShopDeployment {

    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtp();

    private static final String DO_NOT_MATCH = "That email and password do not match.";
    private static final String TOO_MANY = "Too many attempts.";

    /** A registered, confirmed account. */
    private static String account(String password) throws Exception {
        return Accounts.register(smtp, "Ravi Kumar", password);
    }

    /** One sign-in in a fresh session: the page's answer and how long it took. */
    private static Attempt signIn(String email, String password) throws Exception {
        FormClient client = new FormClient();
        client.get("/sign-in.xhtml");
        long start = System.nanoTime();
        FormClient.Page page =
                client.submit("signIn", "submit", Map.of("email", email, "password", password));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String answer =
                page.status() == 302
                        ? "signed in"
                        : page.html().contains(TOO_MANY)
                                ? TOO_MANY
                                : page.html().contains(DO_NOT_MATCH) ? DO_NOT_MATCH : page.html();
        return new Attempt(answer, millis);
    }

    record Attempt(String answer, long millis) {}

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void unknownEmailsAndWrongPasswordsLookAlikeAndBothAreThrottled() throws Exception {
        String password = "copper-lotus-window-62";
        String email = account(password);
        signIn("warm-up@example.in", "anything-at-all-here"); // The first hash warms the JIT.

        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Attempt wrong = signIn(email, "copper-lotus-window-x" + i);
            Attempt unknown = signIn("nobody-" + UUID.randomUUID() + "@example.in", password);
            assertThat(wrong.answer()).isEqualTo(DO_NOT_MATCH);
            assertThat(unknown.answer()).isEqualTo(DO_NOT_MATCH);
            wrongPassword.add(wrong.millis());
            unknownEmail.add(unknown.millis());
        }
        // The same hashing either way: within a factor of two (no hashing would be ten times
        // faster).
        assertThat((double) median(unknownEmail) / median(wrongPassword)).isBetween(0.5, 2.0);

        // The fifth failure for this email; after it even the right password has to wait.
        assertThat(signIn(email, "copper-lotus-window-x9").answer()).isEqualTo(DO_NOT_MATCH);
        assertThat(signIn(email, password).answer()).isEqualTo(TOO_MANY);

        // An email without an account is throttled the same way, so throttling tells nothing.
        String nobody = "nobody-" + UUID.randomUUID() + "@example.in";
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(nobody, "guess-number-" + i + "-xyz").answer())
                    .isEqualTo(DO_NOT_MATCH);
        }
        assertThat(signIn(nobody, "guess-number-6-xyz").answer()).isEqualTo(TOO_MANY);

        // Another account is not held up by them.
        String other = account(password);
        assertThat(signIn(other, password).answer()).isEqualTo("signed in");
    }
}
