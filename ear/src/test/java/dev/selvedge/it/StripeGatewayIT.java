package dev.selvedge.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Stripe gateway against a local fake of Stripe's API: the Checkout Session the shop asks for,
 * parameter by parameter; signed webhooks completing orders whose shopper closed the tab, applied
 * once and in any order; bad and stale signatures refused and kept; a page that expires, a payment
 * that comes late, a Stripe that does not answer; the return page asking Stripe.
 */
class StripeGatewayIT extends ShopDeployment {

    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtp();

    @RegisterExtension static WireMockExtension stripe = StripeFake.extension();

    private CatalogueFixture fixture;
    private String sku;
    private String session;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        fixture.stockAt(sku, fixture.storeCode(), 5);
        session = "cs_test_" + fixture.token;
        StripeFake.nextSession(stripe, session);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private Http.Reply checkout(String key, String email, int quantity) {
        return CheckoutPages.viaApi(key, email, sku, quantity, "stripe");
    }

    private String orderStatus(String number) throws Exception {
        return fixture.single("SELECT status FROM customer_order WHERE order_number = ?", number);
    }

    private String event(String type, String order, String paymentStatus, String status) {
        return StripeFake.event(
                stripe,
                "evt_" + UUID.randomUUID().toString().replace("-", ""),
                type,
                session,
                order,
                paymentStatus,
                status);
    }

    @Test
    void aPaymentOnStripesPageCompletesTheOrderByWebhookOnceAndInAnyOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        String email = "stripe-" + fixture.token + "@example.in";
        Http.Reply placed = checkout(key, email, 2);
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        String number = placed.json().getString("orderNumber");
        assertThat(placed.json().getString("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(placed.json().getString("paymentUrl"))
                .isEqualTo(StripeFake.pageUrl(stripe, session));
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(5, 2); // held

        // Exactly what Stripe was asked for: one hosted page for the server's total.
        long total =
                fixture.single(
                                "SELECT total_minor FROM customer_order WHERE order_number = ?",
                                number)
                        .transform(Long::parseLong);
        LoggedRequest request =
                stripe.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + StripeFake.SECRET_KEY);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("session-" + number);
        assertThat(request.getHeader("Stripe-Version")).isEqualTo(StripeFake.API_VERSION);
        Map<String, String> form = StripeFake.form(request);
        String back = ShopDeployment.baseUrl() + "/checkout/return.xhtml?order=" + number;
        assertThat(form)
                .containsEntry("mode", "payment")
                .containsEntry("client_reference_id", number)
                .containsEntry("customer_email", email)
                .containsEntry("metadata[order]", number)
                .containsEntry("payment_intent_data[metadata][order]", number)
                .containsEntry("payment_intent_data[description]", "Selvedge order " + number)
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[0][price_data][currency]", "inr")
                .containsEntry("line_items[0][price_data][unit_amount]", Long.toString(total))
                .containsEntry(
                        "line_items[0][price_data][product_data][name]", "Selvedge order " + number)
                .containsEntry("success_url", back + "&session_id={CHECKOUT_SESSION_ID}")
                .containsEntry("cancel_url", back + "&cancelled=true")
                .containsKey("expires_at")
                .hasSize(13);

        // The same key again: the same page, no second session.
        Http.Reply again = checkout(key, email, 2);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().getString("paymentUrl"))
                .isEqualTo(StripeFake.pageUrl(stripe, session));
        assertThat(StripeFake.formsPostedTo(stripe, "/v1/checkout/sessions")).hasSize(1);

        // The shopper pays and closes the tab: Stripe's webhook completes the order.
        String paid = event("checkout.session.completed", number, "paid", "complete");
        assertThat(StripeFake.send(paid).status()).isEqualTo(200);
        assertThat(orderStatus(number))
                .isIn("CONFIRMED", "ALLOCATED"); // fulfilment allocates at once
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(3, 0);
        assertThat(Mailbox.await(smtp, email, 1).getSubject())
                .isEqualTo("Your Selvedge order " + number);

        // The same event again, and a stale "expired" arriving after it: nothing changes.
        assertThat(StripeFake.send(paid).status()).isEqualTo(200);
        assertThat(
                        StripeFake.send(
                                        event(
                                                "checkout.session.expired",
                                                number,
                                                "unpaid",
                                                "expired"))
                                .status())
                .isEqualTo(200);
        assertThat(orderStatus(number))
                .isIn("CONFIRMED", "ALLOCATED"); // fulfilment allocates at once
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(3, 0);
        assertThat(
                        fixture.single(
                                "SELECT string_agg(outcome, ',' ORDER BY id) FROM payment_event WHERE order_number = ?",
                                number))
                .isEqualTo("APPLIED,IGNORED");
        assertThat(
                        fixture.single(
                                "SELECT string_agg(a.status, ',' ORDER BY a.id) FROM payment_attempt a JOIN customer_order o ON o.id = a.order_id WHERE o.order_number = ?",
                                number))
                .isEqualTo("REDIRECT,APPROVED");
        // A repeat of the checkout now answers with the confirmed order.
        Http.Reply later = checkout(key, email, 2);
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.json().getString("status")).isIn("CONFIRMED", "ALLOCATED");
    }

    @Test
    void webhooksWithABadOrStaleSignatureAreRefusedAndKeptForStaff() throws Exception {
        String number =
                checkout(UUID.randomUUID().toString(), "sig-" + fixture.token + "@example.in", 1)
                        .json()
                        .getString("orderNumber");
        String paid = event("checkout.session.completed", number, "paid", "complete");
        long now = System.currentTimeMillis() / 1000;

        Http.Reply forged = StripeFake.send(paid, now, "whsec_someone_else");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.json().getString("detail")).contains("Stripe-Signature");
        Http.Reply stale = StripeFake.send(paid, now - 301, StripeFake.WEBHOOK_SECRET);
        assertThat(stale.status()).isEqualTo(400);
        Http.Reply unsigned = Http.post("/api/v1/payments/stripe/webhook", paid);
        assertThat(unsigned.status()).isEqualTo(400);

        assertThat(orderStatus(number)).isEqualTo("PENDING_PAYMENT");
        assertThat(
                        fixture.single(
                                "SELECT count(*) FROM payment_event WHERE outcome = 'BAD_SIGNATURE' AND body = ?",
                                paid))
                .isEqualTo("3");
        // Within the tolerance, the same event is taken.
        assertThat(StripeFake.send(paid, now - 200, StripeFake.WEBHOOK_SECRET).status())
                .isEqualTo(200);
        assertThat(orderStatus(number))
                .isIn("CONFIRMED", "ALLOCATED"); // fulfilment allocates at once
    }

    @Test
    void anExpiredPageGivesTheStockBackAndALatePaymentStillCompletesOrIsRefunded()
            throws Exception {
        String number =
                checkout(UUID.randomUUID().toString(), "late-" + fixture.token + "@example.in", 2)
                        .json()
                        .getString("orderNumber");
        StripeFake.send(event("checkout.session.expired", number, "unpaid", "expired"));
        assertThat(orderStatus(number)).isEqualTo("PAYMENT_FAILED");
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(5, 0);

        // Paid after all (Stripe's answer came late): the stock is there, so the order goes ahead.
        StripeFake.send(event("checkout.session.completed", number, "paid", "complete"));
        assertThat(orderStatus(number))
                .isIn("CONFIRMED", "ALLOCATED"); // fulfilment allocates at once
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(3, 0);

        // Another order, expired; then its stock is sold at the till before the late payment.
        session = "cs_test_" + fixture.token + "_2";
        StripeFake.nextSession(stripe, session);
        StripeFake.sessionIs(stripe, session, null, "paid", "complete");
        stripe.stubFor(
                post(urlEqualTo("/v1/refunds"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"id\":\"re_1\",\"object\":\"refund\",\"status\":\"succeeded\",\"amount\":1}")));
        String second =
                checkout(UUID.randomUUID().toString(), "late2-" + fixture.token + "@example.in", 2)
                        .json()
                        .getString("orderNumber");
        StripeFake.send(event("checkout.session.expired", second, "unpaid", "expired"));
        fixture.stockAt(sku, fixture.storeCode(), 1);
        StripeFake.send(event("checkout.session.completed", second, "paid", "complete"));
        assertThat(orderStatus(second)).isEqualTo("CANCELLED");
        Map<String, String> refund = StripeFake.formsPostedTo(stripe, "/v1/refunds").get(0);
        assertThat(refund)
                .containsEntry("payment_intent", "pi_" + session)
                .containsEntry(
                        "amount",
                        fixture.single(
                                "SELECT total_minor FROM customer_order WHERE order_number = ?",
                                second));
        assertThat(
                        fixture.single(
                                "SELECT a.status FROM payment_attempt a JOIN customer_order o ON o.id = a.order_id WHERE o.order_number = ? ORDER BY a.id DESC LIMIT 1",
                                second))
                .isEqualTo("REFUNDED");
    }

    @Test
    void aStripeThatDoesNotAnswerChargesNothingAndGivesTheStockBack() throws Exception {
        stripe.stubFor(
                post(urlEqualTo("/v1/checkout/sessions"))
                        .willReturn(
                                aResponse().withStatus(200).withFixedDelay(7_000).withBody("{}")));
        Http.Reply placed =
                checkout(UUID.randomUUID().toString(), "slow-" + fixture.token + "@example.in", 1);
        assertThat(placed.status()).as(placed.body()).isEqualTo(402);
        assertThat(placed.json().getString("detail")).contains("Stripe did not answer in time");
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(5, 0);
    }

    @Test
    void anOrderNobodyComesBackForIsSettledByAskingStripe() throws Exception {
        String number =
                checkout(UUID.randomUUID().toString(), "gone-" + fixture.token + "@example.in", 1)
                        .json()
                        .getString("orderNumber");
        // No return, no webhook: the shop asks Stripe by itself (every 3 s in the tests).
        StripeFake.sessionIs(stripe, session, number, "paid", "complete");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!List.of("CONFIRMED", "ALLOCATED").contains(orderStatus(number))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertThat(orderStatus(number))
                .isIn("CONFIRMED", "ALLOCATED"); // fulfilment allocates at once
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(4, 0);
    }

    @Test
    void theReturnPageAsksStripeHowThePaymentWent() throws Exception {
        FormClient shopper = new FormClient();
        shopper.json("POST", "/api/v1/cart/lines", "{\"sku\":\"" + sku + "\",\"quantity\":1}");
        CheckoutPages.throughTheSteps(
                shopper, "back-" + fixture.token + "@example.in", "standard", "stripe", "tok_ok");
        FormClient.Page toStripe = shopper.submit("place", "placeOrder", Map.of());
        assertThat(toStripe.status()).isEqualTo(302);
        assertThat(toStripe.location()).isEqualTo(StripeFake.pageUrl(stripe, session));
        String number =
                fixture.single(
                        "SELECT order_number FROM customer_order WHERE email = ?",
                        "back-" + fixture.token + "@example.in");

        // Back from Stripe while Stripe fails to answer, then before it has the bank's answer:
        // the page waits (not knowing is not a refusal).
        String back = "/checkout/return.xhtml?order=" + number + "&session_id=" + session;
        stripe.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(
                                urlEqualTo("/v1/checkout/sessions/" + session))
                        .willReturn(aResponse().withStatus(500).withBody("{}")));
        assertThat(shopper.get(back).html()).contains("payment-waiting");
        assertThat(orderStatus(number)).isEqualTo("PENDING_PAYMENT");
        StripeFake.sessionIs(stripe, session, number, "unpaid", "open");
        assertThat(shopper.get(back).html()).contains("payment-waiting");
        // Paid: the confirmation, the bag empty; someone else's browser is sent to its own bag.
        StripeFake.sessionIs(stripe, session, number, "paid", "complete");
        assertThat(new FormClient().get(back).location()).endsWith("/bag.xhtml");
        FormClient.Page done = shopper.get(back);
        assertThat(done.location()).endsWith("/checkout/confirmation.xhtml");
        assertThat(shopper.get("/checkout/confirmation.xhtml").html()).contains(number);
        assertThat(orderStatus(number))
                .isIn("CONFIRMED", "ALLOCATED"); // fulfilment allocates at once
        assertThat(shopper.json("GET", "/api/v1/cart", null).html()).contains("\"count\":0");
    }

    @Test
    void leavingStripesPageClosesItAndGivesTheStockBackAtOnce() throws Exception {
        String email = "left-" + fixture.token + "@example.in";
        FormClient shopper = new FormClient();
        shopper.json("POST", "/api/v1/cart/lines", "{\"sku\":\"" + sku + "\",\"quantity\":2}");
        CheckoutPages.throughTheSteps(shopper, email, "standard", "stripe", "tok_ok");
        assertThat(shopper.submit("place", "placeOrder", Map.of()).location())
                .isEqualTo(StripeFake.pageUrl(stripe, session));
        String number =
                fixture.single("SELECT order_number FROM customer_order WHERE email = ?", email);
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(5, 2);

        StripeFake.sessionIs(stripe, session, number, "unpaid", "open");
        stripe.stubFor(
                post(urlEqualTo("/v1/checkout/sessions/" + session + "/expire"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                StripeFake.session(
                                                        stripe, session, number, "unpaid",
                                                        "expired"))));
        FormClient.Page back =
                shopper.get("/checkout/return.xhtml?order=" + number + "&cancelled=true");
        assertThat(back.location()).endsWith("/checkout/review.xhtml");
        assertThat(
                        stripe.findAll(
                                        postRequestedFor(
                                                urlEqualTo(
                                                        "/v1/checkout/sessions/"
                                                                + session
                                                                + "/expire")))
                                .get(0)
                                .getHeader("Idempotency-Key"))
                .isEqualTo("expire-" + session);
        assertThat(orderStatus(number)).isEqualTo("PAYMENT_FAILED");
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(5, 0);
        assertThat(shopper.get("/checkout/review.xhtml").html())
                .contains("You left the payment page");
        assertThat(shopper.json("GET", "/api/v1/cart", null).html()).contains("\"count\":2");
    }
}
