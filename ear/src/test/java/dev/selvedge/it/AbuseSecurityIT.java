package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What strangers must not be able to do at volume (security review, issue #10, "abuse"): lock an
 * owner out of their account, tell registered emails by timing, flood an address or the shop's
 * doors, or make a till event fail against the silent-store sweep.
 */
class AbuseSecurityIT extends ShopDeployment {

    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtp();

    private static final String PASSWORD = "copper-lotus-window-62";
    private static final String TOO_MANY = "Too many attempts.";

    private static FormClient.Page signIn(FormClient client, String email, String password)
            throws Exception {
        client.get("/sign-in.xhtml");
        return client.submit("signIn", "submit", Map.of("email", email, "password", password));
    }

    @Test
    void aStrangerFailingOnPurposeDoesNotLockTheOwnerOut() throws Exception {
        String email = Accounts.register(smtp, "Meera Iyer", PASSWORD);
        FormClient owner = Accounts.signedIn(email, PASSWORD);
        String device = owner.cookie("device");
        assertThat(device).as("a browser that signed in keeps a device cookie").isNotBlank();
        assertThat(owner.setCookies().toString()).contains("HttpOnly");

        for (int i = 0; i < 6; i++) {
            signIn(new FormClient(), email, "wrong-password-number-" + i);
        }
        assertThat(signIn(new FormClient(), email, PASSWORD).html())
                .as("strangers are throttled")
                .contains(TOO_MANY);

        FormClient sameBrowser = new FormClient();
        sameBrowser.keep("device", device);
        assertThat(signIn(sameBrowser, email, PASSWORD).status())
                .as("the owner's browser signs in all the same")
                .isEqualTo(302);
    }

    @Test
    void parallelFailuresPassTheLimitNoMoreThanItAllows() throws Exception {
        String email = Accounts.register(smtp, "Arjun Das", PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            attempts.add(
                    pool.submit(
                            () -> {
                                FormClient client = new FormClient();
                                client.get("/sign-in.xhtml");
                                go.await();
                                return client.submit(
                                                "signIn",
                                                "submit",
                                                Map.of(
                                                        "email",
                                                        email,
                                                        "password",
                                                        "guess-" + n + "-xyzzy"))
                                        .html();
                            }));
        }
        go.countDown();
        long throttled = 0;
        for (Future<String> attempt : attempts) {
            if (attempt.get(60, TimeUnit.SECONDS).contains(TOO_MANY)) {
                throttled++;
            }
        }
        pool.shutdown();
        assertThat(throttled).as("5 tried, the other 5 had to wait").isEqualTo(5);
    }

    @Test
    void registeringAnEmailThatHasAnAccountTakesAsLongAsANewOne() throws Exception {
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            existing.add(Accounts.register(smtp, "Kavya Nair", PASSWORD));
        }
        List<Long> taken = new ArrayList<>();
        List<Long> fresh = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taken.add(timeRegistration(existing.get(i)));
            fresh.add(timeRegistration("new-" + UUID.randomUUID() + "@example.in"));
        }
        double ratio = (double) median(taken) / median(fresh);
        assertThat(ratio).as("existing %s ms, new %s ms", taken, fresh).isBetween(0.5, 2.0);
    }

    private static long timeRegistration(String email) throws Exception {
        FormClient client = new FormClient();
        client.get("/register.xhtml");
        long start = System.nanoTime();
        FormClient.Page page =
                client.submit(
                        "register",
                        "submit",
                        Map.of("name", "Kavya Nair", "email", email, "password", PASSWORD));
        assertThat(page.html()).contains("check-inbox");
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    @Test
    void oneAddressGetsAtMostThreeAccountEmailsAnHourWhateverIsAsked() throws Exception {
        String email = Accounts.register(smtp, "Flood Test", PASSWORD); // 1: the confirmation
        for (int i = 0; i < 3; i++) {
            // 2 and 3: "you already have an account"; the fourth request sends nothing.
            FormClient client = new FormClient();
            client.get("/register.xhtml");
            FormClient.Page answer =
                    client.submit(
                            "register",
                            "submit",
                            Map.of("name", "Flood Test", "email", email, "password", PASSWORD));
            assertThat(answer.status()).as("answered as usual").isEqualTo(200);
            assertThat(answer.html()).contains("check-inbox");
        }
        FormClient reset = new FormClient();
        reset.get("/forgot-password.xhtml");
        assertThat(reset.submit("forgot", "submit", Map.of("email", email)).html())
                .contains("reset-sent");
        try (CatalogueFixture db = CatalogueFixture.create()) {
            assertThat(db.single("SELECT count(*) FROM outgoing_mail WHERE to_address = ?", email))
                    .as("emails queued for the address")
                    .isEqualTo("3");
        }
    }

    /** Waits, if need be, for a fresh counting window, so that a burst is not split over two. */
    private static void awayFromTheEndOfAWindow(long windowMillis, long needMillis)
            throws InterruptedException {
        while (windowMillis - System.currentTimeMillis() % windowMillis < needMillis) {
            Thread.sleep(200);
        }
    }

    @Test
    void oneClientAddressIsLimitedAtTheBagAndTheAccountForms() throws Exception {
        awayFromTheEndOfAWindow(60_000, 20_000);
        String bag = "127.0.0." + (2 + (int) (Math.random() * 200));
        String request =
                "POST /api/v1/cart/lines HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
        for (int i = 0; i < 120; i++) {
            assertThat(RawHttp.exchangeFrom(bag, request)).doesNotStartWith("HTTP/1.1 429");
        }
        String refused = RawHttp.exchangeFrom(bag, request);
        assertThat(refused)
                .startsWith("HTTP/1.1 429")
                .contains("Retry-After")
                .contains("application/problem+json");

        awayFromTheEndOfAWindow(600_000, 20_000);
        String forms = "127.0.1." + (2 + (int) (Math.random() * 200));
        String register =
                "POST /register.xhtml HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=b";
        for (int i = 0; i < 10; i++) {
            assertThat(RawHttp.exchangeFrom(forms, register)).doesNotStartWith("HTTP/1.1 429");
        }
        assertThat(RawHttp.exchangeFrom(forms, register))
                .startsWith("HTTP/1.1 429")
                .contains("Retry-After");
    }

    @Test
    void tillEventsNeverFailAgainstTheSilentStoreSweep() throws Exception {
        try (CatalogueFixture fixture = CatalogueFixture.create()) {
            String key = fixture.issueTerminal("T1");
            String navy = fixture.sku(fixture.linenShirt, "Navy", "L");
            String white = fixture.sku(fixture.linenShirt, "White", "L");
            fixture.stockAt(navy, fixture.storeCode(), 500);
            fixture.stockAt(white, fixture.storeCode(), 500);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Http.Reply>> events = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                int n = i;
                events.add(
                        pool.submit(
                                () ->
                                        Http.post(
                                                "/api/v1/pos/events",
                                                "{\"eventId\":\"%s-dl-%d\",\"storeCode\":\"%s\",\"terminalId\":\"T1\",\"occurredAt\":\"2026-11-26T10:00:00Z\",\"type\":\"RECEIPT\",\"lines\":[{\"sku\":\"%s\",\"quantity\":1},{\"sku\":\"%s\",\"quantity\":1}]}"
                                                        .formatted(
                                                                fixture.token,
                                                                n,
                                                                fixture.storeCode(),
                                                                n % 2 == 0 ? navy : white,
                                                                n % 2 == 0 ? white : navy),
                                                "Authorization",
                                                "Bearer " + key)));
            }
            // Meanwhile the store goes silent and is heard again, over and over, as the sweep does.
            try (var flip =
                    fixture.connection()
                            .prepareStatement(
                                    "UPDATE location SET silent_since = CASE WHEN silent_since IS NULL THEN now() END WHERE code = ?")) {
                for (int i = 0; i < 120; i++) {
                    flip.setString(1, fixture.storeCode());
                    flip.executeUpdate();
                }
            }
            for (Future<Http.Reply> event : events) {
                Http.Reply reply = event.get(60, TimeUnit.SECONDS);
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            }
            pool.shutdown();
            assertThat(fixture.level(navy, fixture.storeCode())[0]).isEqualTo(500 + 120);
        }
    }
}
