package dev.selvedge.payment.paypal;

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
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PayPal Orders v2: an order made with intent CAPTURE, approved by the shopper on PayPal's own page
 * ({@code payer-action} link), captured when they come back (or when PayPal's webhook says it was
 * approved). Webhooks are verified the way PayPal specifies: by asking PayPal's {@code
 * verify-webhook-signature} with the transmission headers and this shop's webhook id.
 */
@ApplicationScoped
public class PayPalGateway implements PaymentGateway {

    /**
     * Keys and secrets are read as optional: MicroProfile Config takes an empty default for no
     * value, which would stop the deployment wherever a gateway is not set up.
     */
    @Inject Config config;

    @Inject
    @ConfigProperty(name = "selvedge.payment.paypal.enabled", defaultValue = "false")
    boolean enabled;

    /** Set from the configuration when it is there ("" when not: the gateway is then off). */
    String clientId;

    String clientSecret;

    String webhookId;

    @Inject
    @ConfigProperty(
            name = "selvedge.payment.paypal.api-base",
            defaultValue = "https://api-m.paypal.com")
    String apiBase;

    @Inject
    @ConfigProperty(name = "selvedge.payment.paypal.timeout-ms", defaultValue = "20000")
    int timeoutMillis;

    @Inject Clock clock;

    private PayPalApi api;

    @PostConstruct
    void connect() {
        clientId =
                config.getOptionalValue("selvedge.payment.paypal.client-id", String.class)
                        .orElse("");
        clientSecret =
                config.getOptionalValue("selvedge.payment.paypal.client-secret", String.class)
                        .orElse("");
        webhookId =
                config.getOptionalValue("selvedge.payment.paypal.webhook-id", String.class)
                        .orElse("");
        api =
                new PayPalApi(
                        apiBase, clientId, clientSecret, Duration.ofMillis(timeoutMillis), clock);
    }

    @Override
    public String id() {
        return "paypal";
    }

    @Override
    public String label() {
        return "PayPal";
    }

    @Override
    public boolean enabled() {
        return enabled && !clientId.isBlank() && !clientSecret.isBlank() && !webhookId.isBlank();
    }

    @Override
    public Integer holdMinutes() {
        return 35;
    }

    @Override
    public PaymentResult authorize(PaymentRequest request) {
        JsonObject body =
                JsonObjects.object()
                        .add("intent", "CAPTURE")
                        .add(
                                "purchase_units",
                                JsonObjects.array()
                                        .add(
                                                JsonObjects.object()
                                                        .add("reference_id", request.orderNumber())
                                                        .add("invoice_id", request.orderNumber())
                                                        .add("custom_id", request.orderNumber())
                                                        .add(
                                                                "description",
                                                                "Selvedge order "
                                                                        + request.orderNumber())
                                                        .add(
                                                                "amount",
                                                                JsonObjects.object()
                                                                        .add(
                                                                                "currency_code",
                                                                                request.currency())
                                                                        .add(
                                                                                "value",
                                                                                BigDecimal.valueOf(
                                                                                                request
                                                                                                        .amountMinor(),
                                                                                                2)
                                                                                        .toPlainString()))))
                        .add(
                                "payment_source",
                                JsonObjects.object()
                                        .add(
                                                "paypal",
                                                JsonObjects.object()
                                                        .add(
                                                                "experience_context",
                                                                JsonObjects.object()
                                                                        .add(
                                                                                "brand_name",
                                                                                "Selvedge")
                                                                        .add(
                                                                                "user_action",
                                                                                "PAY_NOW")
                                                                        .add(
                                                                                "shipping_preference",
                                                                                "NO_SHIPPING")
                                                                        .add(
                                                                                "return_url",
                                                                                request.returnUrl())
                                                                        .add(
                                                                                "cancel_url",
                                                                                request.returnUrl()
                                                                                        + "&cancelled=true"))))
                        .build();
        try {
            JsonObject order =
                    api.post("/v2/checkout/orders", body, "order-" + request.orderNumber());
            String approve = link(order, "payer-action");
            if (approve == null) {
                approve = link(order, "approve");
            }
            return new PaymentResult(
                    Status.REDIRECT,
                    order.getString("id"),
                    "Waiting for the shopper on PayPal",
                    approve);
        } catch (ProviderHttp.Failure e) {
            return failure(null, e);
        }
    }

    /** Back from PayPal having approved: the order is captured now. */
    @Override
    public PaymentResult returned(String orderId, Map<String, String> parameters) {
        return status(orderId);
    }

    @Override
    public PaymentResult status(String orderId) {
        try {
            JsonObject order = api.get("/v2/checkout/orders/" + orderId);
            return switch (order.getString("status", "")) {
                case "APPROVED" -> capture(orderId, 0);
                case "COMPLETED" -> outcomeOf(orderId, order);
                case "VOIDED" ->
                        new PaymentResult(Status.DECLINED, orderId, "The PayPal order was voided.");
                default -> new PaymentResult(Status.PENDING, orderId, "Not approved yet");
            };
        } catch (ProviderHttp.Failure e) {
            return failure(orderId, e);
        }
    }

    /** Captures the whole approved order (PayPal captures what was approved). */
    @Override
    public PaymentResult capture(String orderId, long amountMinor) {
        try {
            JsonObject order =
                    api.post(
                            "/v2/checkout/orders/" + orderId + "/capture",
                            JsonObjects.object().build(),
                            "capture-" + orderId);
            return outcomeOf(orderId, order);
        } catch (ProviderHttp.Failure e) {
            if ("ORDER_ALREADY_CAPTURED".equals(PayPalApi.issue(e))) {
                return status(orderId);
            }
            if ("ORDER_NOT_APPROVED".equals(PayPalApi.issue(e))) {
                return new PaymentResult(Status.PENDING, orderId, "Not approved yet");
            }
            if ("INSTRUMENT_DECLINED".equals(PayPalApi.issue(e))) {
                return new PaymentResult(
                        Status.DECLINED,
                        orderId,
                        "PayPal declined the payment method. Try another.");
            }
            return failure(orderId, e);
        }
    }

    @Override
    public PaymentResult refund(String orderId, long amountMinor) {
        try {
            JsonObject order = api.get("/v2/checkout/orders/" + orderId);
            JsonObject capture = firstCapture(order);
            if (capture == null) {
                return new PaymentResult(Status.ERROR, orderId, "Nothing was captured to refund");
            }
            JsonObject refund =
                    api.post(
                            "/v2/payments/captures/" + capture.getString("id") + "/refund",
                            JsonObjects.object()
                                    .add(
                                            "amount",
                                            JsonObjects.object()
                                                    .add(
                                                            "value",
                                                            BigDecimal.valueOf(amountMinor, 2)
                                                                    .toPlainString())
                                                    .add(
                                                            "currency_code",
                                                            capture.getJsonObject("amount")
                                                                    .getString("currency_code")))
                                    .build(),
                            "refund-" + capture.getString("id") + "-" + amountMinor);
            return "COMPLETED".equals(refund.getString("status", ""))
                            || "PENDING".equals(refund.getString("status", ""))
                    ? new PaymentResult(
                            Status.APPROVED,
                            orderId,
                            "Refund " + refund.getString("id") + " " + refund.getString("status"))
                    : new PaymentResult(
                            Status.ERROR, orderId, "Refund " + refund.getString("status", ""));
        } catch (ProviderHttp.Failure e) {
            return failure(orderId, e);
        }
    }

    @Override
    public Optional<PaymentEvent> webhook(Map<String, String> headers, String body) {
        JsonObject event;
        try {
            event = JsonObjects.parse(body);
        } catch (RuntimeException e) {
            throw new BadSignature("Not a PayPal event");
        }
        JsonObject verification =
                JsonObjects.object()
                        .add("auth_algo", header(headers, "paypal-auth-algo"))
                        .add("cert_url", header(headers, "paypal-cert-url"))
                        .add("transmission_id", header(headers, "paypal-transmission-id"))
                        .add("transmission_sig", header(headers, "paypal-transmission-sig"))
                        .add("transmission_time", header(headers, "paypal-transmission-time"))
                        .add("webhook_id", webhookId)
                        .add("webhook_event", event)
                        .build();
        String verdict;
        try {
            verdict =
                    api.post("/v1/notifications/verify-webhook-signature", verification, null)
                            .getString("verification_status", "");
        } catch (ProviderHttp.Failure e) {
            // Not verified is not applied; PayPal sends it again later.
            throw new IllegalStateException(
                    "PayPal could not verify a webhook: " + PayPalApi.reason(e), e);
        }
        if (!"SUCCESS".equals(verdict)) {
            throw new BadSignature("PayPal's verify-webhook-signature answered " + verdict);
        }
        String type = event.getString("event_type", "");
        JsonObject resource = event.getJsonObject("resource");
        String orderId;
        String number;
        PaymentResult result;
        switch (type) {
            case "CHECKOUT.ORDER.APPROVED" -> {
                orderId = resource.getString("id");
                number = referenceOf(resource);
                // Captured once the event is known to be new (the shop then asks PayPal).
                result = new PaymentResult(Status.PENDING, orderId, "Approved by the buyer");
            }
            case "PAYMENT.CAPTURE.COMPLETED",
                    "PAYMENT.CAPTURE.DENIED",
                    "PAYMENT.CAPTURE.DECLINED" -> {
                orderId = relatedOrder(resource);
                number = resource.getString("custom_id", resource.getString("invoice_id", null));
                result =
                        type.equals("PAYMENT.CAPTURE.COMPLETED")
                                ? new PaymentResult(
                                        Status.APPROVED,
                                        orderId,
                                        "Captured " + resource.getString("id"))
                                : new PaymentResult(
                                        Status.DECLINED,
                                        orderId,
                                        "PayPal: capture "
                                                + resource.getString("status", "denied"));
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new PaymentEvent(event.getString("id"), type, number, result));
    }

    private static PaymentResult outcomeOf(String orderId, JsonObject order) {
        JsonObject capture = firstCapture(order);
        String status =
                capture == null ? order.getString("status", "") : capture.getString("status", "");
        return switch (status) {
            case "COMPLETED" ->
                    new PaymentResult(
                            Status.APPROVED,
                            orderId,
                            "Captured " + (capture == null ? "" : capture.getString("id")));
            case "DECLINED", "FAILED" ->
                    new PaymentResult(Status.DECLINED, orderId, "PayPal declined the payment.");
            default -> new PaymentResult(Status.PENDING, orderId, "Capture " + status);
        };
    }

    private static JsonObject firstCapture(JsonObject order) {
        if (!(order.get("purchase_units") instanceof JsonArray units) || units.isEmpty()) {
            return null;
        }
        JsonObject payments = units.getJsonObject(0).getJsonObject("payments");
        if (payments == null
                || !(payments.get("captures") instanceof JsonArray captures)
                || captures.isEmpty()) {
            return null;
        }
        return captures.getJsonObject(0);
    }

    private static String referenceOf(JsonObject order) {
        if (order.get("purchase_units") instanceof JsonArray units && !units.isEmpty()) {
            return units.getJsonObject(0).getString("reference_id", null);
        }
        return null;
    }

    private static String relatedOrder(JsonObject capture) {
        JsonObject supplementary = capture.getJsonObject("supplementary_data");
        if (supplementary == null || supplementary.getJsonObject("related_ids") == null) {
            return null;
        }
        return supplementary.getJsonObject("related_ids").getString("order_id", null);
    }

    private static String link(JsonObject order, String rel) {
        if (!(order.get("links") instanceof JsonArray links)) {
            return null;
        }
        for (JsonValue value : links) {
            JsonObject link = value.asJsonObject();
            if (rel.equals(link.getString("rel", ""))) {
                return link.getString("href");
            }
        }
        return null;
    }

    private static String header(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new BadSignature("The " + name + " header is missing");
        }
        return value;
    }

    private static PaymentResult failure(String reference, ProviderHttp.Failure e) {
        if (e.status() == 0) {
            return new PaymentResult(
                    Status.ERROR,
                    reference,
                    "PayPal did not answer in time. Nothing was charged; please try again.");
        }
        return new PaymentResult(
                Status.ERROR, reference, "PayPal refused the request: " + PayPalApi.reason(e));
    }
}
