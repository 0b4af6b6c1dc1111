package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stock holds are not for strangers (security review, issue #10, "stock holds"): the hold API wants
 * a till's key, each till has a limited number of holds open and sees only its own, and a hold made
 * in advance under a coming order number is never adopted by the checkout of that order.
 */
class StockHoldSecurityIT extends ShopDeployment {

    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtp();

    private CatalogueFixture fixture;
    private String key;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        key = fixture.issueTerminal("T1");
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private Http.Reply hold(String tillKey, String reference, String sku, int quantity) {
        return Http.post(
                "/api/v1/reservations",
                "{\"reference\":\"%s\",\"lines\":[{\"sku\":\"%s\",\"quantity\":%d}]}"
                        .formatted(reference, sku, quantity),
                "Authorization",
                "Bearer " + tillKey);
    }

    @Test
    void nobodyHoldsOrReadsStockWithoutATillKey() throws Exception {
        String sku = fixture.sku(fixture.linenShirt, "Navy", "S");
        Http.Reply anonymous =
                Http.post(
                        "/api/v1/reservations",
                        "{\"reference\":\"x\",\"lines\":[{\"sku\":\""
                                + sku
                                + "\",\"quantity\":3}]}");
        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(hold("pos_not-a-real-key-at-all", "y", sku, 1).status()).isEqualTo(401);
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(3, 0);

        String token = hold(key, fixture.token + "-own", sku, 1).json().getString("token");
        assertThat(Http.get("/api/v1/reservations/" + token).status()).isEqualTo(401);
        assertThat(Http.delete("/api/v1/reservations/" + token).status()).isEqualTo(401);
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(3, 1);
    }

    @Test
    void aTillSeesAndReleasesOnlyItsOwnHolds() throws Exception {
        String sku = fixture.sku(fixture.linenShirt, "White", "S");
        String other = fixture.issueTerminal("T2");
        Http.Reply mine = hold(key, fixture.token + "-mine", sku, 2);
        String token = mine.json().getString("token");

        Http.Reply read =
                Http.get("/api/v1/reservations/" + token, "Authorization", "Bearer " + other);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().getString("detail")).doesNotContain(token);
        Http.Reply released =
                Http.delete("/api/v1/reservations/" + token, "Authorization", "Bearer " + other);
        assertThat(released.status()).isEqualTo(404);
        assertThat(fixture.level(sku, fixture.storeCode())).as("still held").containsExactly(3, 2);

        // The same reference from another till is that till's own hold, not the first one.
        Http.Reply theirs = hold(other, fixture.token + "-mine", sku, 1);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        assertThat(theirs.json().getString("token")).isNotEqualTo(token);
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(3, 3);
    }

    @Test
    void aTillHasALimitedNumberOfHoldsOpen() throws Exception {
        String sku = fixture.sku(fixture.denimJeans, "Indigo", "30");
        fixture.stockAt(sku, fixture.storeCode(), 100);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Http.Reply held = hold(key, fixture.token + "-limit-" + i, sku, 1);
            assertThat(held.status()).as(held.body()).isEqualTo(201);
            tokens.add(held.json().getString("token"));
        }
        Http.Reply refused = hold(key, fixture.token + "-limit-20", sku, 1);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(100, 20);

        Http.delete("/api/v1/reservations/" + tokens.get(0), "Authorization", "Bearer " + key);
        assertThat(hold(key, fixture.token + "-limit-20", sku, 1).status()).isEqualTo(201);
    }

    @Test
    void holdsSentAtOnceStillStopAtTheTillsLimit() throws Exception {
        String sku = fixture.sku(fixture.denimJeans, "Indigo", "32");
        fixture.stockAt(sku, fixture.storeCode(), 100);
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(12);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Http.Reply>> holds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            holds.add(
                    pool.submit(
                            () -> {
                                go.await();
                                return hold(key, fixture.token + "-burst-" + n, sku, 1);
                            }));
        }
        go.countDown();
        int granted = 0;
        for (var hold : holds) {
            Http.Reply reply = hold.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.body()).isIn(201, 429);
            granted += reply.status() == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(granted).isEqualTo(20);
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(100, 20);
    }

    @Test
    void aHoldMadeInAdvanceForAComingOrderNumberIsNotAdoptedByThatOrder() throws Exception {
        String bait = fixture.sku(fixture.linenShirt, "White", "M");
        String bought = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        fixture.stockAt(bought, fixture.storeCode(), 5);
        long next =
                Long.parseLong(
                        fixture.single(
                                "SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END"
                                        + " FROM order_number_seq"));
        // The attacker holds one unit of another SKU under each of the next order numbers.
        for (long n = next; n <= next + 2; n++) {
            assertThat(hold(key, "SV-" + n, bait, 1).status()).isEqualTo(201);
        }
        assertThat(fixture.level(bait, fixture.storeCode())).containsExactly(3, 3);

        Http.Reply order =
                Http.post(
                        "/api/v1/checkout",
                        """
                        {"email":"hijack-%s@example.in",
                         "shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",
                           "state":"Karnataka","postalCode":"560038","country":"IN","phone":"9845012345"},
                         "shippingMethod":"standard",
                         "lines":[{"sku":"%s","quantity":2}],
                         "payment":{"method":"test","token":"tok_ok"}}
                        """
                                .formatted(fixture.token, bought),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        long number = Long.parseLong(order.json().getString("orderNumber").substring(3));
        assertThat(number).isBetween(next, next + 2);

        assertThat(fixture.level(bought, fixture.storeCode()))
                .as("the order's own SKU is sold, nothing of it left held")
                .containsExactly(3, 0);
        assertThat(fixture.level(bait, fixture.storeCode()))
                .as("the attacker's holds are untouched: not sold as the order")
                .containsExactly(3, 3);
    }
}
