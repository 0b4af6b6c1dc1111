package dev.selvedge.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import dev.selvedge.payment.BadSignature;
import dev.selvedge.payment.PaymentEvent;
import dev.selvedge.payment.PaymentGateway;
import dev.selvedge.payment.PaymentRequest;
import dev.selvedge.payment.PaymentResult;
import dev.selvedge.payment.PaymentResult.Status;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stripe through its official SDK: a Checkout Session (Stripe's hosted payment page, which makes
 * the Payment Intent), so card details are typed on Stripe's page only. The outcome comes back by
 * the return page asking for the session, and by {@code checkout.session.*} webhooks signed with
 * {@code Stripe-Signature} (HMAC-SHA256 over {@code timestamp.payload}, at most 300 s old).
 */
@ApplicationScoped
public class StripeGateway implements PaymentGateway {

    /**
     * How long Stripe keeps a payment page open (its minimum); the stock is held a little longer.
     */
    static final Duration PAGE_OPEN = Duration.ofMinutes(30);

    static final long SIGNATURE_TOLERANCE_SECONDS = 300;

    /**
     * Keys and secrets are read as optional: MicroProfile Config takes an empty default for no
     * value, which would stop the deployment wherever a gateway is not set up.
     */
    @Inject Config config;

    @Inject
    @ConfigProperty(name = "selvedge.payment.stripe.enabled", defaultValue = "false")
    boolean enabled;

    /** Set from the configuration when it is there ("" when not: the gateway is then off). */
    String secretKey;

    String webhookSecret;

    @Inject
    @ConfigProperty(
            name = "selvedge.payment.stripe.api-base",
            defaultValue = "https://api.stripe.com")
    String apiBase;

    @Inject
    @ConfigProperty(name = "selvedge.payment.stripe.timeout-ms", defaultValue = "20000")
    int timeoutMillis;

    @Inject Clock clock;

    private StripeClient client;

    @PostConstruct
    void connect() {
        secretKey =
                config.getOptionalValue("selvedge.payment.stripe.secret-key", String.class)
                        .orElse("");
        webhookSecret =
                config.getOptionalValue("selvedge.payment.stripe.webhook-secret", String.class)
                        .orElse("");
        client =
                StripeClient.builder()
                        .setApiKey(secretKey.isBlank() ? "sk_unset" : secretKey)
                        .setApiBase(apiBase)
                        .setConnectTimeout(Math.min(timeoutMillis, 5_000))
                        .setReadTimeout(timeoutMillis)
                        .setMaxNetworkRetries(2)
                        .build();
    }

    @Override
    public String id() {
        return "stripe";
    }

    @Override
    public String label() {
        return "Card, UPI or wallet (Stripe's secure payment page)";
    }

    @Override
    public boolean enabled() {
        return enabled && !secretKey.isBlank() && !webhookSecret.isBlank();
    }

    @Override
    public Integer holdMinutes() {
        return (int) PAGE_OPEN.toMinutes() + 5;
    }

    @Override
    public PaymentResult authorize(PaymentRequest request) {
        SessionCreateParams params =
                SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .setClientReferenceId(request.orderNumber())
                        .putMetadata("order", request.orderNumber())
                        .setCustomerEmail(request.email())
                        .setSuccessUrl(request.returnUrl() + "&session_id={CHECKOUT_SESSION_ID}")
                        .setCancelUrl(request.returnUrl() + "&cancelled=true")
                        .setExpiresAt(clock.instant().plus(PAGE_OPEN).getEpochSecond())
                        .setPaymentIntentData(
                                SessionCreateParams.PaymentIntentData.builder()
                                        .putMetadata("order", request.orderNumber())
                                        .setDescription("Selvedge order " + request.orderNumber())
                                        .build())
                        .addLineItem(
                                SessionCreateParams.LineItem.builder()
                                        .setQuantity(1L)
                                        .setPriceData(
                                                SessionCreateParams.LineItem.PriceData.builder()
                                                        .setCurrency(
                                                                request.currency()
                                                                        .toLowerCase(Locale.ROOT))
                                                        .setUnitAmount(request.amountMinor())
                                                        .setProductData(
                                                                SessionCreateParams.LineItem
                                                                        .PriceData.ProductData
                                                                        .builder()
                                                                        .setName(
                                                                                "Selvedge order "
                                                                                        + request
                                                                                                .orderNumber())
                                                                        .build())
                                                        .build())
                                        .build())
                        .build();
        try {
            // The same order never opens two payment pages, even when this call is retried.
            Session session =
                    client.v1()
                            .checkout()
                            .sessions()
                            .create(params, idempotent("session-" + request.orderNumber()));
            return new PaymentResult(
                    Status.REDIRECT,
                    session.getId(),
                    "Waiting for the shopper on Stripe's payment page",
                    session.getUrl());
        } catch (StripeException e) {
            return failure(null, e);
        }
    }

    @Override
    public PaymentResult status(String sessionId) {
        try {
            return outcomeOf(client.v1().checkout().sessions().retrieve(sessionId));
        } catch (StripeException e) {
            return failure(sessionId, e);
        }
    }

    /** Expires the Checkout Session (Stripe refuses when it was completed: then it is asked). */
    @Override
    public PaymentResult cancel(String sessionId) {
        try {
            Session session =
                    client.v1()
                            .checkout()
                            .sessions()
                            .expire(sessionId, idempotent("expire-" + sessionId));
            return "expired".equals(session.getStatus())
                    ? new PaymentResult(
                            Status.DECLINED, sessionId, "The shopper left Stripe's payment page.")
                    : outcomeOf(session);
        } catch (StripeException e) {
            return status(sessionId);
        }
    }

    @Override
    public PaymentResult capture(String sessionId, long amountMinor) {
        try {
            Session session = client.v1().checkout().sessions().retrieve(sessionId);
            var intent =
                    client.v1()
                            .paymentIntents()
                            .capture(
                                    session.getPaymentIntent(),
                                    PaymentIntentCaptureParams.builder()
                                            .setAmountToCapture(amountMinor)
                                            .build(),
                                    idempotent("capture-" + sessionId));
            return "succeeded".equals(intent.getStatus())
                    ? new PaymentResult(Status.APPROVED, sessionId, "Captured " + intent.getId())
                    : new PaymentResult(Status.ERROR, sessionId, "Capture " + intent.getStatus());
        } catch (StripeException e) {
            return failure(sessionId, e);
        }
    }

    @Override
    public PaymentResult refund(String sessionId, long amountMinor) {
        try {
            Session session = client.v1().checkout().sessions().retrieve(sessionId);
            var refund =
                    client.v1()
                            .refunds()
                            .create(
                                    RefundCreateParams.builder()
                                            .setPaymentIntent(session.getPaymentIntent())
                                            .setAmount(amountMinor)
                                            .build(),
                                    idempotent("refund-" + sessionId + "-" + amountMinor));
            return "failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())
                    ? new PaymentResult(Status.ERROR, sessionId, "Refund " + refund.getStatus())
                    : new PaymentResult(
                            Status.APPROVED,
                            sessionId,
                            "Refund " + refund.getId() + " " + refund.getStatus());
        } catch (StripeException e) {
            return failure(sessionId, e);
        }
    }

    @Override
    public Optional<PaymentEvent> webhook(Map<String, String> headers, String body) {
        String signature = headers.get("stripe-signature");
        if (signature == null || signature.isBlank()) {
            throw new BadSignature("The Stripe-Signature header is missing");
        }
        Event event;
        try {
            event =
                    Webhook.constructEvent(
                            body, signature, webhookSecret, SIGNATURE_TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            throw new BadSignature("Stripe-Signature does not match: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new BadSignature("Not a Stripe event: " + e.getMessage());
        }
        if (!event.getType().startsWith("checkout.session.")) {
            return Optional.empty();
        }
        StripeObject object;
        try {
            object =
                    event.getDataObjectDeserializer()
                            .getObject()
                            .orElse(event.getDataObjectDeserializer().deserializeUnsafe());
        } catch (EventDataObjectDeserializationException e) {
            throw new BadSignature("Unreadable Stripe event " + event.getId());
        }
        Session session = (Session) object;
        PaymentResult result =
                switch (event.getType()) {
                    case "checkout.session.completed", "checkout.session.async_payment_succeeded" ->
                            outcomeOf(session);
                    case "checkout.session.async_payment_failed" ->
                            new PaymentResult(
                                    Status.DECLINED,
                                    session.getId(),
                                    "The payment failed at the bank.");
                    case "checkout.session.expired" ->
                            new PaymentResult(
                                    Status.DECLINED,
                                    session.getId(),
                                    "The payment page expired unpaid.");
                    default -> new PaymentResult(Status.PENDING, session.getId(), event.getType());
                };
        return Optional.of(
                new PaymentEvent(
                        event.getId(), event.getType(), session.getClientReferenceId(), result));
    }

    private static PaymentResult outcomeOf(Session session) {
        if ("paid".equals(session.getPaymentStatus())
                || "no_payment_required".equals(session.getPaymentStatus())) {
            return new PaymentResult(
                    Status.APPROVED, session.getId(), "Paid (" + session.getPaymentIntent() + ")");
        }
        if ("expired".equals(session.getStatus())) {
            return new PaymentResult(
                    Status.DECLINED, session.getId(), "The payment page expired unpaid.");
        }
        // Open, or complete with a payment still on its way (bank transfers).
        return new PaymentResult(Status.PENDING, session.getId(), "Not paid yet");
    }

    private static PaymentResult failure(String reference, StripeException e) {
        if (e instanceof CardException card) {
            return new PaymentResult(Status.DECLINED, reference, card.getUserMessage());
        }
        if (e instanceof com.stripe.exception.ApiConnectionException) {
            return new PaymentResult(
                    Status.ERROR,
                    reference,
                    "Stripe did not answer in time. Nothing was charged; please try again.");
        }
        return new PaymentResult(
                Status.ERROR,
                reference,
                "Stripe refused the request (" + e.getStatusCode() + "): " + e.getMessage());
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }
}
