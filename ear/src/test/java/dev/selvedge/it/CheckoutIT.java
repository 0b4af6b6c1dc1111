package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/v1/checkout} against the real server: an order placed once per key with the
 * server's prices, the stock sold; a declined or failed payment gives the stock back; sold out, bad
 * input and a reused key are refused clearly; ten simultaneous submits make one order.
 */
class CheckoutIT extends ShopDeployment {

    // The mail server, behind a line on the shop's SMTP port that can make it slow.
    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtpOnFreePort();
    private static LineSwitch mailLine;

    @BeforeAll
    static void mailLine() throws Exception {
        mailLine = new LineSwitch(smtp.getSmtp().getPort(), Mailbox.shopSmtpPort());
    }

    @AfterAll
    static void closeMailLine() throws Exception {
        mailLine.close();
    }

    private CatalogueFixture fixture;
    private String sku;
    private long unitMinor;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        fixture.stockAt(sku, fixture.storeCode(), 5);
        unitMinor =
                Long.parseLong(
                        fixture.single(
                                "SELECT COALESCE(sale_price_minor, price_minor) FROM variant WHERE sku = ?",
                                sku));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private static String body(String email, String lines, String method, String token) {
        return """
                {"email":"%s",
                 "shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",
                   "state":"Karnataka","postalCode":"560038","country":"IN","phone":"9845012345"},
                 "shippingMethod":"standard",
                 "lines":[%s],
                 "payment":{"method":"%s","token":"%s"},
                 "total":1, "currency":"USD"}
                """
                .formatted(email, lines, method, token);
    }

    private String line(int quantity) {
        return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"unitPrice\":1}";
    }

    private static Http.Reply checkout(String key, String json) {
        return Http.post("/api/v1/checkout", json, "Idempotency-Key", key);
    }

    private int[] stock() throws Exception {
        return fixture.level(sku, fixture.storeCode());
    }

    private long expectedTotal(int quantity) {
        long items = unitMinor * quantity;
        return items + (items >= 999_00 ? 0 : 99_00);
    }

    @Test
    void anOrderIsPlacedOnceWithTheServersPricesAndTheStockIsSold() throws Exception {
        String key = UUID.randomUUID().toString();
        String email = "buyer-" + fixture.token + "@example.in";
        Http.Reply placed = checkout(key, body(email, line(2), "test", "tok_ok"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String number = placed.json().getString("orderNumber");
        assertThat(number).startsWith("SV-");
        assertThat(placed.json().getString("status")).isEqualTo("CONFIRMED");
        assertThat(placed.json().getString("currency")).isEqualTo("INR");
        assertThat(
                        placed.json()
                                .getJsonNumber("total")
                                .bigDecimalValue()
                                .movePointRight(2)
                                .longValueExact())
                .isEqualTo(expectedTotal(2));
        assertThat(stock()).containsExactly(3, 0); // Sold: 5 - 2 on hand, nothing left held.

        // The same key again: the same order, nothing more sold or charged.
        Http.Reply again = checkout(key, body(email, line(2), "test", "tok_ok"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getString("orderNumber")).isEqualTo(number);
        assertThat(stock()).containsExactly(3, 0);
        assertThat(
                        fixture.single(
                                "SELECT count(*) FROM payment_attempt a JOIN customer_order o ON o.id = a.order_id WHERE o.order_number = ?",
                                number))
                .isEqualTo("1");

        // The same key for another checkout is refused.
        Http.Reply reused = checkout(key, body(email, line(1), "test", "tok_ok"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().getString("detail")).contains("different checkout");

        var mail = Mailbox.await(smtp, email, 1);
        assertThat(mail.getSubject()).isEqualTo("Your Selvedge order " + number);
        assertThat(Mailbox.body(mail)).contains("2 x ").contains(sku.isEmpty() ? "" : "Total:");
    }

    @Test
    void aDeclinedOrFailedPaymentGivesTheStockBack() throws Exception {
        Http.Reply declined =
                checkout(
                        UUID.randomUUID().toString(),
                        body("d@example.in", line(2), "test", "tok_declined"));
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.contentType()).startsWith("application/problem+json");
        assertThat(declined.json().getString("detail")).contains("declined");
        assertThat(declined.json().getString("orderNumber")).startsWith("SV-");
        assertThat(stock()).containsExactly(5, 0);

        Http.Reply failed =
                checkout(
                        UUID.randomUUID().toString(),
                        body("e@example.in", line(1), "test", "tok_error"));
        assertThat(failed.status()).isEqualTo(402);
        assertThat(failed.json().getString("detail")).contains("did not answer");
        assertThat(stock()).containsExactly(5, 0);
        assertThat(
                        fixture.single(
                                "SELECT string_agg(a.status, ',' ORDER BY a.id) FROM payment_attempt a JOIN customer_order o ON o.id = a.order_id WHERE o.order_number IN (?, ?)",
                                declined.json().getString("orderNumber"),
                                failed.json().getString("orderNumber")))
                .isEqualTo("DECLINED,ERROR");

        // Cash on delivery confirms the order at once.
        Http.Reply cod =
                checkout(UUID.randomUUID().toString(), body("f@example.in", line(1), "cod", ""));
        assertThat(cod.status()).isEqualTo(201);
        assertThat(cod.json().getString("status")).isEqualTo("CONFIRMED");
        assertThat(stock()).containsExactly(4, 0);
    }

    @Test
    void soldOutBadInputAndAMissingKeyAreRefusedClearly() throws Exception {
        Http.Reply soldOut =
                checkout(
                        UUID.randomUUID().toString(),
                        body("g@example.in", line(6), "test", "tok_ok"));
        assertThat(soldOut.status()).isEqualTo(409);
        assertThat(soldOut.json().getString("sku")).isEqualTo(sku);
        assertThat(soldOut.json().getInt("available")).isLessThan(6);

        String bad =
                """
                {"email":"not-an-email",
                 "shippingAddress":{"name":"A","line1":"B","city":"C","state":"Karnataka","postalCode":"06003","country":"IN","phone":"123"},
                 "shippingMethod":"teleport",
                 "lines":[{"sku":"%s","quantity":0}],
                 "payment":{"method":"bitcoin","token":"x"}}
                """
                        .formatted(sku);
        Http.Reply invalid = checkout(UUID.randomUUID().toString(), bad);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().getJsonObject("errors").keySet())
                .contains(
                        "email",
                        "shippingAddress.postalCode",
                        "shippingAddress.phone",
                        "shippingMethod",
                        "lines." + sku,
                        "payment.method");
        assertThat(invalid.json().getJsonObject("errors").getString("shippingAddress.postalCode"))
                .contains("6-digit PIN code");

        Http.Reply noKey =
                Http.post("/api/v1/checkout", body("h@example.in", line(1), "test", "tok_ok"));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().getString("detail")).contains("Idempotency-Key");
        assertThat(stock()).containsExactly(5, 0);
    }

    @Test
    void tenSimultaneousSubmitsOfOneCheckoutMakeOneOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        String json = body("double@example.in", line(1), "test", "tok_ok");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replies.add(pool.submit((Callable<Http.Reply>) () -> checkout(key, json)));
        }
        List<Integer> statuses = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (Future<Http.Reply> reply : replies) {
            Http.Reply r = reply.get();
            statuses.add(r.status());
            numbers.add(r.json().getString("orderNumber"));
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(numbers).containsOnly(numbers.get(0));
        assertThat(stock()).containsExactly(4, 0);
        assertThat(
                        fixture.single(
                                "SELECT count(*) FROM customer_order WHERE email = 'double@example.in'"))
                .isEqualTo("1");
    }

    /**
     * Each answer of the mail server held back 0.5 s (about 2 s an email): checkouts do not wait
     * for it, and every confirmation still goes out, once.
     */
    @Test
    void aSlowMailServerDoesNotSlowCheckouts() throws Exception {
        fixture.stockAt(sku, fixture.storeCode(), 20);
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> took = new ArrayList<>();
        mailLine.delayReplies(Duration.ofMillis(500));
        try {
            for (int i = 0; i < 12; i++) {
                String email = "slow-" + run + "-" + i + "@example.in";
                took.add(
                        pool.submit(
                                () -> {
                                    long start = System.nanoTime();
                                    Http.Reply r =
                                            checkout(
                                                    UUID.randomUUID().toString(),
                                                    body(email, line(1), "test", "tok_ok"));
                                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                                    return (System.nanoTime() - start) / 1_000_000;
                                }));
            }
            for (Future<Long> millis : took) {
                // Less than one email takes: no checkout waited for the mail server.
                assertThat(millis.get()).isLessThan(1500);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(stock()).containsExactly(8, 0);
        mailLine.delayReplies(Duration.ZERO);
        for (int i = 0; i < 12; i++) {
            String email = "slow-" + run + "-" + i + "@example.in";
            assertThat(Mailbox.await(smtp, email, 1).getSubject())
                    .startsWith("Your Selvedge order");
        }
        for (int i = 0; i < 12; i++) {
            assertThat(Mailbox.to(smtp, "slow-" + run + "-" + i + "@example.in")).hasSize(1);
        }
        // Each recorded as sent (a moment after the server took it), so none goes twice.
        String unsent = "?";
        for (long until = System.nanoTime() + 10_000_000_000L;
                !unsent.equals("0") && System.nanoTime() < until; ) {
            unsent =
                    fixture.single(
                            "SELECT count(*) FROM outgoing_mail WHERE to_address LIKE ? AND sent_at IS NULL",
                            "slow-" + run + "-%");
            Thread.sleep(100);
        }
        assertThat(unsent).isEqualTo("0");
    }
}
