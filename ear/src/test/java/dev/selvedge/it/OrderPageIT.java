package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shopper's side of an order (issue #12): the signed link of its emails opens its page and its
 * API (and nothing else does: no token, a wrong one, another order's); "My orders" for a signed-in
 * shopper; cancelling before it ships puts the units back where they were sold from, refunds the
 * card through the gateway in the background and tells the shopper; after that it is refused.
 */
class OrderPageIT extends ShopDeployment {

    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtp();

    private CatalogueFixture fixture;
    private String sku;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        fixture.stockAt(sku, fixture.storeCode(), 5);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private String order(String email, int quantity, String method) {
        Http.Reply placed =
                Http.post(
                        "/api/v1/checkout",
                        """
                        {"email":"%s",
                         "shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",
                           "state":"Karnataka","postalCode":"560038","country":"IN","phone":"9845012345"},
                         "shippingMethod":"standard",
                         "lines":[{"sku":"%s","quantity":%d,"unitPrice":1}],
                         "payment":{"method":"%s","token":"tok_ok"},
                         "total":1, "currency":"USD"}
                        """
                                .formatted(email, sku, quantity, method),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().getString("orderNumber");
    }

    private String email(String who) {
        return who
                + "-"
                + fixture.token
                + "-"
                + UUID.randomUUID().toString().substring(0, 6)
                + "@example.in";
    }

    /** The order page's link from the order's first email (the confirmation). */
    private static String linkOf(String email, String number) throws Exception {
        var mail = Mailbox.await(smtp, email, 1);
        assertThat(mail.getSubject()).isEqualTo("Your Selvedge order " + number);
        return Mailbox.link(mail, "/orders/" + number + "?t=");
    }

    private static String tokenOf(String link) {
        return link.substring(link.indexOf("?t=") + 3);
    }

    private String awaitSql(String sql, String expected, Object... values) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        String now = fixture.single(sql, values);
        while (!expected.equals(now) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            now = fixture.single(sql, values);
        }
        return now;
    }

    private String status(String number) throws Exception {
        return awaitSql(
                "SELECT status FROM customer_order WHERE order_number = ?", "ALLOCATED", number);
    }

    @Test
    void theEmailLinkOpensTheOrderPageAndTheApiAndNothingElseDoes() throws Exception {
        String email = email("link");
        String number = order(email, 2, "test");
        String link = linkOf(email, number);
        String token = tokenOf(link);
        assertThat(token).hasSize(43);
        assertThat(status(number)).isEqualTo("ALLOCATED");

        FormClient.Page page = new FormClient().get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html())
                .contains("Order <span id=\"order-number\">" + number)
                .contains("Being prepared")
                .contains("2 × ")
                .contains("Cancel this order")
                .contains("Sent to be packed");

        // Not from the number alone, nor with a wrong token, nor with another order's.
        String other = order(email("other"), 1, "test");
        String otherToken =
                tokenOf(
                        linkOf(
                                fixture.single(
                                        "SELECT email FROM customer_order WHERE order_number = ?",
                                        other),
                                other));
        FormClient stranger = new FormClient();
        assertThat(stranger.get("/orders/" + number).status()).isEqualTo(404);
        assertThat(stranger.get("/orders/" + number + "?t=" + token.substring(1) + "A").status())
                .isEqualTo(404);
        assertThat(stranger.get("/orders/" + number + "?t=" + otherToken).status()).isEqualTo(404);
        assertThat(stranger.get("/orders/NO-SUCH?t=" + token).status()).isEqualTo(404);
        assertThat(stranger.get("/order.xhtml?order=" + number).status()).isEqualTo(404);

        Http.Reply api = Http.get("/api/v1/orders/" + number, "X-Order-Token", token);
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        JsonObject json = api.json();
        assertThat(json.getString("orderNumber")).isEqualTo(number);
        assertThat(json.getString("status")).isEqualTo("ALLOCATED");
        assertThat(json.getJsonArray("lines").getJsonObject(0).getInt("quantity")).isEqualTo(2);
        assertThat(json.getJsonArray("parcels")).hasSize(1);
        assertThat(
                        json.getJsonArray("timeline").stream()
                                .map(e -> e.asJsonObject().getString("to")))
                .containsExactly("PENDING_PAYMENT", "CONFIRMED", "ALLOCATED");
        assertThat(api.header("Cache-Control")).isEqualTo("private, no-store");
        // Only in the header: an address with the token in it would be kept by logs.
        assertThat(Http.get("/api/v1/orders/" + number + "?token=" + token).status())
                .isEqualTo(404);
        // Nothing of the warehouse's own reaches the shopper: no staff, location or box.
        assertThat(api.body())
                .doesNotContain("\"actor\"")
                .doesNotContain("fulfilment")
                .doesNotContain("\"location\"")
                .doesNotContain("\"weightGrams\"")
                .doesNotContain("\"box\"");
        Http.Reply refused = Http.get("/api/v1/orders/" + number, "X-Order-Token", otherToken);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Http.get("/api/v1/orders/" + number).status()).isEqualTo(404);
    }

    @Test
    void aShopperCancelsBeforeItShipsAndGetsTheUnitsAndTheMoneyBack() throws Exception {
        String email = email("cancel");
        String number = order(email, 2, "test");
        String link = linkOf(email, number);
        assertThat(status(number)).isEqualTo("ALLOCATED");
        assertThat(fixture.level(sku, fixture.storeCode())[0]).isEqualTo(3);

        FormClient shopper = new FormClient();
        shopper.get(link);
        FormClient.Page cancelled =
                shopper.submit(
                        "cancel",
                        "submit",
                        Map.of("reason", "Ordered by mistake"),
                        Map.of("order", number, "t", tokenOf(link)));
        assertThat(cancelled.status()).as(cancelled.html()).isEqualTo(302);
        assertThat(cancelled.location()).contains("/orders/" + number + "?t=");
        FormClient.Page after = shopper.get(cancelled.location());
        assertThat(after.html()).contains("Cancelled").doesNotContain("Cancel this order");

        assertThat(
                        fixture.single(
                                "SELECT e.actor_kind || ' ' || e.actor || ' ' || e.reason FROM order_event e"
                                        + " JOIN customer_order o ON o.id = e.order_id"
                                        + " WHERE o.order_number = ? AND e.to_status = 'CANCELLED'",
                                number))
                .isEqualTo("SHOPPER " + email + " Ordered by mistake");
        // The two units are back on hand where they were sold, recorded as the order's cancel.
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(5, 0);
        assertThat(
                        fixture.single(
                                "SELECT m.event_type || ' ' || (m.on_hand_after - m.on_hand_before) FROM stock_movement m"
                                        + " JOIN variant v ON v.id = m.variant_id WHERE v.sku = ? AND m.event_id = ?"
                                        + " AND m.event_type NOT IN ('RESERVE', 'SALE')",
                                sku,
                                number))
                .isEqualTo("CANCEL 2");
        assertThat(
                        fixture.single(
                                "SELECT s.status FROM shipment s JOIN customer_order o ON o.id = s.order_id"
                                        + " WHERE o.order_number = ?",
                                number))
                .isEqualTo("CANCELLED");
        // The card is refunded once, through the gateway, in the background.
        assertThat(
                        awaitSql(
                                "SELECT r.status || ' ' || r.gateway || ' ' || r.amount_minor FROM order_refund r"
                                        + " JOIN customer_order o ON o.id = r.order_id WHERE o.order_number = ?",
                                "REFUNDED test "
                                        + fixture.single(
                                                "SELECT total_minor FROM customer_order WHERE order_number = ?",
                                                number),
                                number))
                .isEqualTo(
                        "REFUNDED test "
                                + fixture.single(
                                        "SELECT total_minor FROM customer_order WHERE order_number = ?",
                                        number));
        var told = Mailbox.await(smtp, email, 2);
        assertThat(told.getSubject()).isEqualTo("Your Selvedge order " + number + " is cancelled");
        assertThat(Mailbox.body(told)).contains("Ordered by mistake").contains("We are refunding");

        // Once cancelled, it stays so: the API says why, and nothing is refunded twice.
        Http.Reply again =
                Http.post(
                        "/api/v1/orders/" + number + "/cancellation",
                        "{}",
                        "X-Order-Token",
                        tokenOf(link));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().getString("detail")).contains("cancelled already");
        assertThat(
                        fixture.single(
                                "SELECT count(*) FROM order_refund r JOIN customer_order o ON o.id = r.order_id"
                                        + " WHERE o.order_number = ?",
                                number))
                .isEqualTo("1");
    }

    @Test
    void aSignedInShopperFindsTheirOrdersAndCancelsACashOnDeliveryOneThroughTheApi()
            throws Exception {
        String email = Accounts.register(smtp, "Meera Iyer", "linen-and-indigo-42");
        String number = order(email, 1, "cod");
        String link = Mailbox.link(Mailbox.await(smtp, email, 2), "/orders/" + number + "?t=");

        FormClient meera = Accounts.signedIn(email, "linen-and-indigo-42");
        FormClient.Page account = meera.get("/account/index.xhtml");
        assertThat(account.html()).contains("My orders").contains(number).contains("1 item");
        // Her own order opens without a token; another shopper's session does not open it.
        assertThat(meera.get("/orders/" + number).status()).isEqualTo(200);
        String ravi = Accounts.register(smtp, "Ravi Kumar", "linen-and-indigo-42");
        assertThat(Accounts.signedIn(ravi, "linen-and-indigo-42").get("/orders/" + number).status())
                .isEqualTo(404);

        Http.Reply cancelled =
                Http.post(
                        "/api/v1/orders/" + number + "/cancellation",
                        "{\"reason\":\"Delivery takes too long\"}",
                        "X-Order-Token",
                        tokenOf(link));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.json().getBoolean("cancellable")).isFalse();
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(5, 0);
        // Nothing was paid, so nothing is refunded; the email says so.
        assertThat(
                        fixture.single(
                                "SELECT count(*) FROM order_refund r JOIN customer_order o ON o.id = r.order_id"
                                        + " WHERE o.order_number = ?",
                                number))
                .isEqualTo("0");
        var told = Mailbox.await(smtp, email, 3);
        assertThat(told.getSubject()).endsWith("is cancelled");
        assertThat(Mailbox.body(told)).contains("Nothing was charged");
        assertThat(
                        Http.post(
                                        "/api/v1/orders/" + number + "/cancellation",
                                        "{\"reason\":\"" + "x".repeat(301) + "\"}",
                                        "X-Order-Token",
                                        tokenOf(link))
                                .status())
                .isEqualTo(400);
    }
}
