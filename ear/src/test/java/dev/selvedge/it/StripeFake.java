package dev.selvedge.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local Stripe: its API as WireMock stubs on the port the test domain's Stripe gateway is pointed
 * at, and webhooks signed the way Stripe signs them ({@code Stripe-Signature: t=<unix
 * time>,v1=<HMAC-SHA256 of "t.payload" with the endpoint's secret>}).
 */
final class StripeFake {

    static final String SECRET_KEY = "sk_test_selvedge_it";
    static final String WEBHOOK_SECRET = "whsec_selvedge_it";

    /** The API version the shop's SDK pins; events are sent in it. */
    static final String API_VERSION = com.stripe.Stripe.API_VERSION;

    private StripeFake() {}

    static WireMockExtension extension() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().port(Integer.getInteger("it.stripe.port", 20091)))
                .build();
    }

    static String pageUrl(WireMockExtension stripe, String sessionId) {
        return "http://localhost:" + stripe.getPort() + "/pay/" + sessionId;
    }

    /** The next Checkout Session made gets this id; its page is on the fake. */
    static void nextSession(WireMockExtension stripe, String sessionId) {
        stripe.stubFor(
                post(urlEqualTo("/v1/checkout/sessions"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("Request-Id", "req_" + sessionId)
                                        .withBody(
                                                session(
                                                        stripe, sessionId, null, "unpaid",
                                                        "open"))));
    }

    /** What Stripe says of a session when asked. */
    static void sessionIs(
            WireMockExtension stripe,
            String sessionId,
            String order,
            String paymentStatus,
            String status) {
        stripe.stubFor(
                get(urlEqualTo("/v1/checkout/sessions/" + sessionId))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                session(
                                                        stripe,
                                                        sessionId,
                                                        order,
                                                        paymentStatus,
                                                        status))));
    }

    static String session(
            WireMockExtension stripe,
            String id,
            String order,
            String paymentStatus,
            String status) {
        return """
                {"id":"%s","object":"checkout.session","mode":"payment","url":"%s",
                 "client_reference_id":%s,"payment_status":"%s","status":"%s",
                 "payment_intent":"pi_%s","currency":"inr","livemode":false,
                 "metadata":{%s}}
                """
                .formatted(
                        id,
                        pageUrl(stripe, id),
                        order == null ? "null" : "\"" + order + "\"",
                        paymentStatus,
                        status,
                        id,
                        order == null ? "" : "\"order\":\"" + order + "\"");
    }

    /** An event about a Checkout Session, as Stripe posts it. */
    static String event(
            WireMockExtension stripe,
            String eventId,
            String type,
            String sessionId,
            String order,
            String paymentStatus,
            String status) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,
                 "pending_webhooks":1,"type":"%s","data":{"object":%s}}
                """
                .formatted(
                        eventId,
                        API_VERSION,
                        System.currentTimeMillis() / 1000,
                        type,
                        session(stripe, sessionId, order, paymentStatus, status).strip());
    }

    /** The Stripe-Signature header for a payload sent at {@code unixTime}. */
    static String signature(String payload, long unixTime, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 =
                HexFormat.of()
                        .formatHex(
                                mac.doFinal(
                                        (unixTime + "." + payload)
                                                .getBytes(StandardCharsets.UTF_8)));
        return "t=" + unixTime + ",v1=" + v1;
    }

    /** Posts an event to the shop's webhook, signed now with the right secret. */
    static Http.Reply send(String payload) throws Exception {
        return send(payload, System.currentTimeMillis() / 1000, WEBHOOK_SECRET);
    }

    static Http.Reply send(String payload, long unixTime, String secret) throws Exception {
        return Http.post(
                "/api/v1/payments/stripe/webhook",
                payload,
                "Stripe-Signature",
                signature(payload, unixTime, secret));
    }

    /** The form parameters of each request to a path, decoded, in name order. */
    static List<Map<String, String>> formsPostedTo(WireMockExtension stripe, String path) {
        return stripe.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .map(StripeFake::form)
                .toList();
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }
}
