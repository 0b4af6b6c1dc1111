package dev.selvedge.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Razorpay gateway against a local fake of Razorpay's API: the Order asked for, byte for byte
 * as JSON; Razorpay Checkout's signed post-back verified (a forged one changes nothing) and the
 * payment captured; webhooks signed with X-Razorpay-Signature, applied once per
 * X-Razorpay-Event-Id; a Razorpay that does not answer.
 */
class RazorpayGatewayIT extends ShopDeployment {

    static final String KEY_ID = "rzp_test_selvedge_it";
    static final String KEY_SECRET = "rzp_secret_selvedge_it";
    static final String WEBHOOK_SECRET = "rzp_whsec_selvedge_it";

    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtp();

    @RegisterExtension
    static WireMockExtension razorpay =
            WireMockExtension.newInstance()
                    .options(wireMockConfig().port(Integer.getInteger("it.razorpay.port", 20092)))
                    .build();

    private CatalogueFixture fixture;
    private String sku;
    private String rzpOrder;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        fixture.stockAt(sku, fixture.storeCode(), 5);
        rzpOrder = "order_" + fixture.token;
        razorpay.stubFor(
                post(urlEqualTo("/v1/orders"))
                        .willReturn(
                                json(
                                        """
                                        {"id":"%s","entity":"order","amount":1,"currency":"INR","status":"created"}
                                        """
                                                .formatted(rzpOrder))));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
            String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private String total(String number) throws Exception {
        return fixture.single(
                "SELECT total_minor FROM customer_order WHERE order_number = ?", number);
    }

    private String status(String number) throws Exception {
        return fixture.single("SELECT status FROM customer_order WHERE order_number = ?", number);
    }

    @Test
    void aPaymentInRazorpayCheckoutIsVerifiedByItsSignatureAndCaptured() throws Exception {
        String email = "rzp-" + fixture.token + "@example.in";
        FormClient shopper = new FormClient();
        shopper.json("POST", "/api/v1/cart/lines", "{\"sku\":\"" + sku + "\",\"quantity\":2}");
        CheckoutPages.throughTheSteps(shopper, email, "standard", "razorpay", "tok_ok");
        FormClient.Page toRazorpay = shopper.submit("place", "placeOrder", Map.of());
        assertThat(toRazorpay.status()).isEqualTo(302);
        String number =
                fixture.single("SELECT order_number FROM customer_order WHERE email = ?", email);
        assertThat(toRazorpay.location()).endsWith("/checkout/razorpay.xhtml?order=" + number);
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(5, 2);

        // The Order as Razorpay was asked for it: the server's total, our order number as receipt.
        LoggedRequest created = razorpay.findAll(postRequestedFor(urlEqualTo("/v1/orders"))).get(0);
        assertThat(created.getHeader("Authorization"))
                .isEqualTo(
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (KEY_ID + ":" + KEY_SECRET)
                                                        .getBytes(StandardCharsets.UTF_8)));
        razorpay.verify(
                postRequestedFor(urlEqualTo("/v1/orders"))
                        .withRequestBody(
                                equalToJson(
                                        """
                                        {"amount":%s,"currency":"INR","receipt":"%s","notes":{"order":"%s","email":"%s"}}
                                        """
                                                .formatted(total(number), number, number, email))));

        // The page that opens Razorpay Checkout for that Order (card details go to Razorpay only).
        String page = shopper.get("/checkout/razorpay.xhtml?order=" + number).html();
        assertThat(page)
                .contains("\"order_id\":\"" + rzpOrder + "\"")
                .contains("\"key\":\"" + KEY_ID + "\"")
                .contains("\"amount\":" + total(number))
                .contains("/checkout/return.xhtml?order=" + number);
        assertThat(new FormClient().get("/checkout/razorpay.xhtml?order=" + number).location())
                .endsWith("/bag.xhtml");

        // A forged post-back changes nothing.
        String back = "/checkout/return.xhtml?order=" + number;
        FormClient razorpayPage = new FormClient(); // cross-site: none of the shopper's cookies
        FormClient.Page forged =
                razorpayPage.postForm(
                        back,
                        Map.of(
                                "razorpay_payment_id",
                                "pay_forged",
                                "razorpay_order_id",
                                rzpOrder,
                                "razorpay_signature",
                                hmac("not-the-secret", rzpOrder + "|pay_forged")));
        assertThat(forged.location()).contains("cancelled=true");
        assertThat(status(number)).isEqualTo("PENDING_PAYMENT");

        // Razorpay's signed post-back: the payment is authorised, the shop captures it.
        String payment = "pay_" + fixture.token;
        razorpay.stubFor(
                get(urlEqualTo("/v1/payments/" + payment))
                        .willReturn(
                                json(
                                        """
                                        {"id":"%s","entity":"payment","amount":%s,"currency":"INR","status":"authorized","order_id":"%s"}
                                        """
                                                .formatted(payment, total(number), rzpOrder))));
        razorpay.stubFor(
                post(urlEqualTo("/v1/payments/" + payment + "/capture"))
                        .willReturn(
                                json(
                                        """
                                        {"id":"%s","entity":"payment","amount":%s,"currency":"INR","status":"captured","order_id":"%s"}
                                        """
                                                .formatted(payment, total(number), rzpOrder))));
        FormClient.Page signed =
                razorpayPage.postForm(
                        back,
                        Map.of(
                                "razorpay_payment_id", payment,
                                "razorpay_order_id", rzpOrder,
                                "razorpay_signature", hmac(KEY_SECRET, rzpOrder + "|" + payment)));
        assertThat(signed.location()).endsWith(back);
        razorpay.verify(
                postRequestedFor(urlEqualTo("/v1/payments/" + payment + "/capture"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"amount\":"
                                                + total(number)
                                                + ",\"currency\":\"INR\"}")));
        assertThat(status(number)).isIn("CONFIRMED", "ALLOCATED"); // fulfilment allocates at once
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(3, 0);

        // The shopper's browser follows: the confirmation.
        assertThat(shopper.get(back).location()).endsWith("/checkout/confirmation.xhtml");
        assertThat(shopper.get("/checkout/confirmation.xhtml").html()).contains(number);
        assertThat(Mailbox.await(smtp, email, 1).getSubject())
                .isEqualTo("Your Selvedge order " + number);
    }

    private Http.Reply webhook(String eventId, String body, String secret) throws Exception {
        return Http.post(
                "/api/v1/payments/razorpay/webhook",
                body,
                "X-Razorpay-Signature",
                hmac(secret, body),
                "X-Razorpay-Event-Id",
                eventId);
    }

    @Test
    void webhooksAreCheckedAndAppliedOncePerEventId() throws Exception {
        Http.Reply placed =
                CheckoutPages.viaApi(
                        UUID.randomUUID().toString(),
                        "hook-" + fixture.token + "@example.in",
                        sku,
                        1,
                        "razorpay");
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        String number = placed.json().getString("orderNumber");
        assertThat(placed.json().getString("paymentUrl"))
                .endsWith("/checkout/razorpay.xhtml?order=" + number);

        // payment.captured names only Razorpay's order: the shop finds its own by that reference.
        String captured =
                """
                {"entity":"event","account_id":"acc_1","event":"payment.captured","contains":["payment"],
                 "payload":{"payment":{"entity":{"id":"pay_%s","entity":"payment","amount":%s,"currency":"INR",
                 "status":"captured","order_id":"%s"}}},"created_at":%d}
                """
                        .formatted(
                                fixture.token,
                                total(number),
                                rzpOrder,
                                System.currentTimeMillis() / 1000);
        String eventId = "evt_" + fixture.token;
        assertThat(webhook(eventId, captured, "someone-else").status()).isEqualTo(400);
        assertThat(status(number)).isEqualTo("PENDING_PAYMENT");
        assertThat(webhook(eventId, captured, WEBHOOK_SECRET).status()).isEqualTo(200);
        assertThat(status(number)).isIn("CONFIRMED", "ALLOCATED"); // fulfilment allocates at once
        assertThat(webhook(eventId, captured, WEBHOOK_SECRET).status()).isEqualTo(200);
        assertThat(
                        fixture.single(
                                "SELECT string_agg(outcome, ',' ORDER BY id) FROM payment_event WHERE gateway = 'razorpay' AND (order_number = ? OR body = ?)",
                                number,
                                captured))
                .isEqualTo("BAD_SIGNATURE,APPLIED");
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(4, 0);
    }

    @Test
    void aRazorpayThatDoesNotAnswerChargesNothingAndGivesTheStockBack() throws Exception {
        razorpay.stubFor(
                post(urlEqualTo("/v1/orders")).willReturn(json("{}").withFixedDelay(5_000)));
        Http.Reply placed =
                CheckoutPages.viaApi(
                        UUID.randomUUID().toString(),
                        "slow-" + fixture.token + "@example.in",
                        sku,
                        1,
                        "razorpay");
        assertThat(placed.status()).as(placed.body()).isEqualTo(402);
        assertThat(placed.json().getString("detail")).contains("Razorpay did not answer in time");
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(5, 0);
    }
}
