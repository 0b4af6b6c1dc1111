package dev.selvedge.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PayPal gateway against a local fake of PayPal's REST API: the OAuth token, the Orders v2
 * order asked for (exact JSON, PayPal-Request-Id), the capture when the shopper comes back, and
 * webhooks verified through PayPal's verify-webhook-signature (a forged one is refused and kept).
 */
class PayPalGatewayIT extends ShopDeployment {

    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtp();

    @RegisterExtension
    static WireMockExtension paypal =
            WireMockExtension.newInstance()
                    .options(wireMockConfig().port(Integer.getInteger("it.paypal.port", 20093)))
                    .build();

    private CatalogueFixture fixture;
    private String sku;
    private String ppOrder;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        fixture.stockAt(sku, fixture.storeCode(), 5);
        ppOrder = "PP" + fixture.token.toUpperCase();
        paypal.stubFor(
                post(urlEqualTo("/v1/oauth2/token"))
                        .withHeader(
                                "Authorization",
                                equalTo(
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                "pp_client_selvedge_it:pp_secret_selvedge_it"
                                                                        .getBytes(
                                                                                StandardCharsets
                                                                                        .UTF_8))))
                        .withRequestBody(equalTo("grant_type=client_credentials"))
                        .willReturn(
                                json(
                                        "{\"access_token\":\"A21_selvedge_it\",\"token_type\":\"Bearer\",\"expires_in\":32400}")));
        paypal.stubFor(
                post(urlEqualTo("/v2/checkout/orders"))
                        .willReturn(
                                json(
                                        """
                                        {"id":"%s","status":"PAYER_ACTION_REQUIRED","links":[
                                          {"href":"%s","rel":"self","method":"GET"},
                                          {"href":"%s","rel":"payer-action","method":"GET"}]}
                                        """
                                                .formatted(
                                                        ppOrder,
                                                        "http://localhost:"
                                                                + paypal.getPort()
                                                                + "/v2/checkout/orders/"
                                                                + ppOrder,
                                                        approveUrl()))));
        // PayPal verifies only the transmission this fake signed.
        paypal.stubFor(
                post(urlEqualTo("/v1/notifications/verify-webhook-signature"))
                        .atPriority(10)
                        .willReturn(json("{\"verification_status\":\"FAILURE\"}")));
        paypal.stubFor(
                post(urlEqualTo("/v1/notifications/verify-webhook-signature"))
                        .atPriority(1)
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.transmission_sig", equalTo("sig-" + fixture.token)))
                        .withRequestBody(
                                matchingJsonPath("$.webhook_id", equalTo("WH-SELVEDGE-IT")))
                        .willReturn(json("{\"verification_status\":\"SUCCESS\"}")));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private String approveUrl() {
        return "http://localhost:" + paypal.getPort() + "/checkoutnow?token=" + ppOrder;
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private String total(String number) throws Exception {
        return BigDecimal.valueOf(
                        Long.parseLong(
                                fixture.single(
                                        "SELECT total_minor FROM customer_order WHERE order_number = ?",
                                        number)),
                        2)
                .toPlainString();
    }

    /** PayPal says the shopper approved the order on its page. */
    private void shopperApproved() {
        paypal.stubFor(
                get(urlEqualTo("/v2/checkout/orders/" + ppOrder))
                        .willReturn(json("{\"id\":\"" + ppOrder + "\",\"status\":\"APPROVED\"}")));
    }

    private void capturesAs(String number) throws Exception {
        paypal.stubFor(
                post(urlEqualTo("/v2/checkout/orders/" + ppOrder + "/capture"))
                        .willReturn(
                                json(
                                        """
                                        {"id":"%s","status":"COMPLETED","purchase_units":[{"reference_id":"%s",
                                         "payments":{"captures":[{"id":"CAP%s","status":"COMPLETED",
                                         "amount":{"currency_code":"INR","value":"%s"}}]}}]}
                                        """
                                                .formatted(
                                                        ppOrder,
                                                        number,
                                                        fixture.token,
                                                        total(number)))));
    }

    private String status(String number) throws Exception {
        return fixture.single("SELECT status FROM customer_order WHERE order_number = ?", number);
    }

    @Test
    void theShopperApprovesOnPayPalAndTheShopCapturesOnTheirReturn() throws Exception {
        String email = "pp-" + fixture.token + "@example.in";
        FormClient shopper = new FormClient();
        shopper.json("POST", "/api/v1/cart/lines", "{\"sku\":\"" + sku + "\",\"quantity\":2}");
        CheckoutPages.throughTheSteps(shopper, email, "express", "paypal", "tok_ok");
        FormClient.Page toPayPal = shopper.submit("place", "placeOrder", Map.of());
        assertThat(toPayPal.location()).isEqualTo(approveUrl());
        String number =
                fixture.single("SELECT order_number FROM customer_order WHERE email = ?", email);
        String back = ShopDeployment.baseUrl() + "/checkout/return.xhtml?order=" + number;

        paypal.verify(
                postRequestedFor(urlEqualTo("/v2/checkout/orders"))
                        .withHeader("Authorization", equalTo("Bearer A21_selvedge_it"))
                        .withHeader("PayPal-Request-Id", equalTo("order-" + number))
                        .withRequestBody(
                                equalToJson(
                                        """
                                        {"intent":"CAPTURE","purchase_units":[{"reference_id":"%s","invoice_id":"%s",
                                          "custom_id":"%s","description":"Selvedge order %s",
                                          "amount":{"currency_code":"INR","value":"%s"}}],
                                         "payment_source":{"paypal":{"experience_context":{"brand_name":"Selvedge",
                                          "user_action":"PAY_NOW","shipping_preference":"NO_SHIPPING",
                                          "return_url":"%s","cancel_url":"%s&cancelled=true"}}}}
                                        """
                                                .formatted(
                                                        number,
                                                        number,
                                                        number,
                                                        number,
                                                        total(number),
                                                        back,
                                                        back))));

        // Back from PayPal, approved: the shop captures the order and confirms it.
        shopperApproved();
        capturesAs(number);
        FormClient.Page done =
                shopper.get(
                        "/checkout/return.xhtml?order="
                                + number
                                + "&token="
                                + ppOrder
                                + "&PayerID=PAYER1");
        assertThat(done.location()).endsWith("/checkout/confirmation.xhtml");
        paypal.verify(
                postRequestedFor(urlEqualTo("/v2/checkout/orders/" + ppOrder + "/capture"))
                        .withHeader("PayPal-Request-Id", equalTo("capture-" + ppOrder)));
        assertThat(status(number)).isIn("CONFIRMED", "ALLOCATED"); // fulfilment allocates at once
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(3, 0);
        assertThat(Mailbox.await(smtp, email, 1).getSubject())
                .isEqualTo("Your Selvedge order " + number);
    }

    private Http.Reply webhook(String body, String signature) {
        return Http.post(
                "/api/v1/payments/paypal/webhook",
                body,
                "PAYPAL-AUTH-ALGO",
                "SHA256withRSA",
                "PAYPAL-CERT-URL",
                "https://api.paypal.com/v1/notifications/certs/CERT-1",
                "PAYPAL-TRANSMISSION-ID",
                UUID.randomUUID().toString(),
                "PAYPAL-TRANSMISSION-SIG",
                signature,
                "PAYPAL-TRANSMISSION-TIME",
                java.time.Instant.now().toString());
    }

    @Test
    void anApprovalHeardByWebhookIsCapturedOnceAndAForgedOneIsRefused() throws Exception {
        Http.Reply placed =
                CheckoutPages.viaApi(
                        UUID.randomUUID().toString(),
                        "pphook-" + fixture.token + "@example.in",
                        sku,
                        1,
                        "paypal");
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        String number = placed.json().getString("orderNumber");
        assertThat(placed.json().getString("paymentUrl")).isEqualTo(approveUrl());
        capturesAs(number);
        shopperApproved();

        String approved =
                """
                {"id":"WH-%s","event_version":"1.0","create_time":"2026-11-26T10:00:00Z",
                 "resource_type":"checkout-order","event_type":"CHECKOUT.ORDER.APPROVED",
                 "summary":"An order has been approved by buyer",
                 "resource":{"id":"%s","intent":"CAPTURE","status":"APPROVED",
                   "purchase_units":[{"reference_id":"%s","amount":{"currency_code":"INR","value":"%s"}}]}}
                """
                        .formatted(fixture.token, ppOrder, number, total(number));
        Http.Reply forged = webhook(approved, "not-paypals-signature");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().getString("detail")).contains("FAILURE");
        assertThat(status(number)).isEqualTo("PENDING_PAYMENT");

        assertThat(webhook(approved, "sig-" + fixture.token).status()).isEqualTo(200);
        assertThat(status(number)).isIn("CONFIRMED", "ALLOCATED"); // fulfilment allocates at once
        // PayPal was asked to verify with the transmission's headers, our webhook id and the event.
        paypal.verify(
                postRequestedFor(urlEqualTo("/v1/notifications/verify-webhook-signature"))
                        .withRequestBody(matchingJsonPath("$.auth_algo", equalTo("SHA256withRSA")))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.webhook_event.id", equalTo("WH-" + fixture.token)))
                        .withRequestBody(containing("CERT-1")));
        // The same event again: nothing more captured or changed.
        assertThat(webhook(approved, "sig-" + fixture.token).status()).isEqualTo(200);
        assertThat(
                        paypal.findAll(
                                postRequestedFor(
                                        urlEqualTo("/v2/checkout/orders/" + ppOrder + "/capture"))))
                .hasSize(1);
        assertThat(
                        fixture.single(
                                "SELECT string_agg(outcome, ',' ORDER BY id) FROM payment_event WHERE gateway = 'paypal' AND body = ?",
                                approved))
                .isEqualTo("BAD_SIGNATURE,APPLIED");
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(4, 0);
    }

    @Test
    void aDeclinedCaptureGivesTheStockBackAndAPayPalThatDoesNotAnswerChargesNothing()
            throws Exception {
        Http.Reply placed =
                CheckoutPages.viaApi(
                        UUID.randomUUID().toString(),
                        "ppno-" + fixture.token + "@example.in",
                        sku,
                        1,
                        "paypal");
        String number = placed.json().getString("orderNumber");
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(5, 1);

        // Approved, but the card behind the PayPal account is declined at capture.
        shopperApproved();
        paypal.stubFor(
                post(urlEqualTo("/v2/checkout/orders/" + ppOrder + "/capture"))
                        .willReturn(
                                json("""
                                                {"name":"UNPROCESSABLE_ENTITY","message":"The requested action could not be performed.",
                                                 "details":[{"issue":"INSTRUMENT_DECLINED","description":"The instrument was declined."}]}
                                                """)
                                        .withStatus(422)));
        // PayPal's webhook says the shopper approved; the shop's capture is declined.
        String approved =
                """
                {"id":"WH-D%s","event_version":"1.0","event_type":"CHECKOUT.ORDER.APPROVED",
                 "resource_type":"checkout-order",
                 "resource":{"id":"%s","status":"APPROVED","purchase_units":[{"reference_id":"%s"}]}}
                """
                        .formatted(fixture.token, ppOrder, number);
        assertThat(webhook(approved, "sig-" + fixture.token).status()).isEqualTo(200);
        assertThat(status(number)).isEqualTo("PAYMENT_FAILED");
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(5, 0);
        assertThat(
                        fixture.single(
                                "SELECT a.message FROM payment_attempt a JOIN customer_order o ON o.id = a.order_id WHERE o.order_number = ? ORDER BY a.id DESC LIMIT 1",
                                number))
                .contains("declined");

        // PayPal does not answer when the order is made: 402, nothing held.
        paypal.stubFor(
                post(urlEqualTo("/v2/checkout/orders"))
                        .willReturn(json("{}").withFixedDelay(5_000)));
        Http.Reply slow =
                CheckoutPages.viaApi(
                        UUID.randomUUID().toString(),
                        "ppslow-" + fixture.token + "@example.in",
                        sku,
                        1,
                        "paypal");
        assertThat(slow.status()).as(slow.body()).isEqualTo(402);
        assertThat(slow.json().getString("detail")).contains("PayPal did not answer in time");
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(5, 0);
    }
}
