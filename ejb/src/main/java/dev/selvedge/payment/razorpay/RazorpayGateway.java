package dev.selvedge.payment.razorpay;

import dev.selvedge.payment.BadSignature;
import dev.selvedge.payment.PaymentEvent;
import dev.selvedge.payment.PaymentGateway;
import dev.selvedge.payment.PaymentRequest;
import dev.selvedge.payment.PaymentResult;
import dev.selvedge.payment.PaymentResult.Status;
import dev.selvedge.shared.JsonObjects;
import dev.selvedge.shared.ProviderHttp;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Razorpay: an Order made through its API, paid in Razorpay Checkout (Razorpay's own payment form,
 * opened by the shop's page at {@code /checkout/razorpay.xhtml}), which sends the shopper back with
 * {@code razorpay_signature} = HMAC-SHA256 of {@code order_id|payment_id} under the key secret.
 * Webhooks carry {@code X-Razorpay-Signature} = HMAC-SHA256 of the raw body under the webhook
 * secret, and {@code X-Razorpay-Event-Id}, on which repeats are recognised.
 */
@ApplicationScoped
public class RazorpayGateway implements PaymentGateway {

    /**
     * Keys and secrets are read as optional: MicroProfile Config takes an empty default for no
     * value, which would stop the deployment wherever a gateway is not set up.
     */
    @Inject Config config;

    @Inject
    @ConfigProperty(name = "selvedge.payment.razorpay.enabled", defaultValue = "false")
    boolean enabled;

    /** Set from the configuration when it is there ("" when not: the gateway is then off). */
    String keyId;

    String keySecret;

    String webhookSecret;

    @Inject
    @ConfigProperty(
            name = "selvedge.payment.razorpay.api-base",
            defaultValue = "https://api.razorpay.com")
    String apiBase;

    @Inject
    @ConfigProperty(name = "selvedge.payment.razorpay.timeout-ms", defaultValue = "20000")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "selvedge.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    private RazorpayApi api;

    @PostConstruct
    void connect() {
        keyId =
                config.getOptionalValue("selvedge.payment.razorpay.key-id", String.class)
                        .orElse("");
        keySecret =
                config.getOptionalValue("selvedge.payment.razorpay.key-secret", String.class)
                        .orElse("");
        webhookSecret =
                config.getOptionalValue("selvedge.payment.razorpay.webhook-secret", String.class)
                        .orElse("");
        api = new RazorpayApi(apiBase, keyId, keySecret, Duration.ofMillis(timeoutMillis));
    }

    @Override
    public String id() {
        return "razorpay";
    }

    @Override
    public String label() {
        return "UPI, card, netbanking or wallet (Razorpay)";
    }

    @Override
    public boolean enabled() {
        return enabled && !keyId.isBlank() && !keySecret.isBlank() && !webhookSecret.isBlank();
    }

    /** The key id the shopper's browser opens Razorpay Checkout with (it is public). */
    public String keyId() {
        return keyId;
    }

    @Override
    public Integer holdMinutes() {
        return 35;
    }

    @Override
    public PaymentResult authorize(PaymentRequest request) {
        try {
            JsonObject order =
                    api.post(
                            "/v1/orders",
                            JsonObjects.object()
                                    .add("amount", request.amountMinor())
                                    .add("currency", request.currency())
                                    .add("receipt", request.orderNumber())
                                    .add(
                                            "notes",
                                            JsonObjects.object()
                                                    .add("order", request.orderNumber())
                                                    .add("email", request.email()))
                                    .build());
            return new PaymentResult(
                    Status.REDIRECT,
                    order.getString("id"),
                    "Waiting for the shopper in Razorpay Checkout",
                    publicUrl
                            + "/checkout/razorpay.xhtml?order="
                            + URLEncoder.encode(request.orderNumber(), StandardCharsets.UTF_8));
        } catch (ProviderHttp.Failure e) {
            return failure(null, e);
        }
    }

    /**
     * Back from Razorpay Checkout: a signed success (verified, then the payment captured if it is
     * only authorised) or Razorpay's error, which leaves the order open for another try.
     */
    @Override
    public PaymentResult returned(String orderId, Map<String, String> parameters) {
        String paymentId = parameters.get("razorpay_payment_id");
        if (paymentId == null || keySecret.isBlank()) {
            return status(orderId);
        }
        String expected = hmacHex(keySecret, orderId + "|" + paymentId);
        if (!constantTimeEquals(expected, parameters.get("razorpay_signature"))
                || !orderId.equals(parameters.get("razorpay_order_id"))) {
            throw new BadSignature("razorpay_signature does not match this order and payment");
        }
        try {
            return settledPayment(orderId, api.get("/v1/payments/" + paymentId));
        } catch (ProviderHttp.Failure e) {
            return failure(orderId, e);
        }
    }

    @Override
    public PaymentResult status(String orderId) {
        try {
            JsonObject payments = api.get("/v1/orders/" + orderId + "/payments");
            PaymentResult result = new PaymentResult(Status.PENDING, orderId, "Not paid yet");
            for (JsonValue item : payments.getJsonArray("items")) {
                PaymentResult one = settledPayment(orderId, item.asJsonObject());
                if (one.status() == Status.APPROVED) {
                    return one;
                }
            }
            return result;
        } catch (ProviderHttp.Failure e) {
            return failure(orderId, e);
        }
    }

    @Override
    public PaymentResult capture(String orderId, long amountMinor) {
        return status(orderId);
    }

    @Override
    public PaymentResult refund(String orderId, long amountMinor) {
        try {
            for (JsonValue item :
                    api.get("/v1/orders/" + orderId + "/payments").getJsonArray("items")) {
                JsonObject payment = item.asJsonObject();
                if ("captured".equals(payment.getString("status", ""))) {
                    JsonObject refund =
                            api.post(
                                    "/v1/payments/" + payment.getString("id") + "/refund",
                                    JsonObjects.object().add("amount", amountMinor).build());
                    return new PaymentResult(
                            Status.APPROVED,
                            orderId,
                            "Refund "
                                    + refund.getString("id")
                                    + " "
                                    + refund.getString("status", ""));
                }
            }
            return new PaymentResult(Status.ERROR, orderId, "No captured payment to refund");
        } catch (ProviderHttp.Failure e) {
            return failure(orderId, e);
        }
    }

    @Override
    public Optional<PaymentEvent> webhook(Map<String, String> headers, String body) {
        if (webhookSecret.isBlank()) {
            throw new BadSignature("Razorpay webhooks are not set up here");
        }
        String expected = hmacHex(webhookSecret, body);
        if (!constantTimeEquals(expected, headers.get("x-razorpay-signature"))) {
            throw new BadSignature("X-Razorpay-Signature does not match");
        }
        String eventId = headers.get("x-razorpay-event-id");
        if (eventId == null || eventId.isBlank()) {
            throw new BadSignature("X-Razorpay-Event-Id is missing");
        }
        JsonObject event = JsonObjects.parse(body);
        String type = event.getString("event", "");
        JsonObject payload = event.getJsonObject("payload");
        JsonObject payment = entity(payload, "payment");
        JsonObject order = entity(payload, "order");
        String orderId =
                order != null
                        ? order.getString("id", null)
                        : payment == null ? null : payment.getString("order_id", null);
        String number = order != null ? order.getString("receipt", null) : null;
        PaymentResult result =
                switch (type) {
                    case "order.paid", "payment.captured" ->
                            new PaymentResult(
                                    Status.APPROVED,
                                    orderId,
                                    "Paid ("
                                            + (payment == null ? "" : payment.getString("id", ""))
                                            + ")");
                    // Captured once the event is known to be new (the shop then asks Razorpay).
                    case "payment.authorized" ->
                            new PaymentResult(Status.PENDING, orderId, "Authorised, to capture");
                    // A failed try leaves the order open: the shopper may pay again in Checkout.
                    default -> new PaymentResult(Status.PENDING, orderId, type);
                };
        return Optional.of(new PaymentEvent(eventId, type, number, result));
    }

    /**
     * A payment of the order as Razorpay holds it: captured is paid; authorised is captured now.
     */
    private PaymentResult settledPayment(String orderId, JsonObject payment) {
        String status = payment.getString("status", "");
        String paymentId = payment.getString("id", "");
        if ("authorized".equals(status)) {
            payment =
                    api.post(
                            "/v1/payments/" + paymentId + "/capture",
                            JsonObjects.object()
                                    .add("amount", payment.getJsonNumber("amount").longValue())
                                    .add("currency", payment.getString("currency", "INR"))
                                    .build());
            status = payment.getString("status", "");
        }
        if ("captured".equals(status)) {
            return new PaymentResult(Status.APPROVED, orderId, "Paid (" + paymentId + ")");
        }
        if ("failed".equals(status)) {
            return new PaymentResult(
                    Status.PENDING,
                    orderId,
                    "A try failed: " + payment.getString("error_description", "declined"));
        }
        return new PaymentResult(Status.PENDING, orderId, "Payment " + status);
    }

    private static JsonObject entity(JsonObject payload, String name) {
        if (payload == null || !(payload.get(name) instanceof JsonObject wrapper)) {
            return null;
        }
        return wrapper.getJsonObject("entity");
    }

    private static PaymentResult failure(String reference, ProviderHttp.Failure e) {
        if (e.status() == 0) {
            return new PaymentResult(
                    Status.ERROR,
                    reference,
                    "Razorpay did not answer in time. Nothing was charged; please try again.");
        }
        return new PaymentResult(
                Status.ERROR, reference, "Razorpay refused the request: " + RazorpayApi.reason(e));
    }

    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is in every Java", e);
        }
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8),
                        given.strip().getBytes(StandardCharsets.UTF_8));
    }
}
