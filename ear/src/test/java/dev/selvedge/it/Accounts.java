package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import java.util.UUID;

/** Shopper accounts made the way shoppers make them: the registration form and the emailed link. */
final class Accounts {

    private Accounts() {}

    /** A registered, confirmed account with a new email; returns the email. */
    static String register(GreenMailExtension smtp, String name, String password) throws Exception {
        String email =
                name.toLowerCase().replaceAll("[^a-z]", ".")
                        + "."
                        + UUID.randomUUID().toString().substring(0, 8)
                        + "@example.in";
        FormClient client = new FormClient();
        client.get("/register.xhtml");
        FormClient.Page done =
                client.submit(
                        "register",
                        "submit",
                        Map.of("name", name, "email", email, "password", password));
        assertThat(done.html()).contains("check-inbox");
        String link = Mailbox.link(Mailbox.await(smtp, email, 1), "/verify.xhtml?token=");
        assertThat(client.get(link).html()).contains("is confirmed");
        return email;
    }

    /** A client signed in with this account. */
    static FormClient signedIn(String email, String password) throws Exception {
        FormClient client = new FormClient();
        client.get("/sign-in.xhtml");
        FormClient.Page page =
                client.submit("signIn", "submit", Map.of("email", email, "password", password));
        assertThat(page.status()).as("signed in").isEqualTo(302);
        return client;
    }
}
