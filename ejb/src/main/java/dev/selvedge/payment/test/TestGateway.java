package dev.selvedge.payment.test;

import dev.selvedge.payment.PaymentGateway;
import dev.selvedge.payment.PaymentRequest;
import dev.selvedge.payment.PaymentResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's gateway, offered only in demo mode: its tokens say what happens. {@code tok_ok} pays,
 * {@code tok_declined} is declined as a card would be, {@code tok_error} fails as a provider that
 * does not answer.
 */
@ApplicationScoped
public class TestGateway implements PaymentGateway {

    @Inject
    @ConfigProperty(name = "selvedge.demo.mode", defaultValue = "false")
    private boolean demoMode;

    @Override
    public String id() {
        return "test";
    }

    @Override
    public String label() {
        return "Test card (demo shop only)";
    }

    @Override
    public boolean enabled() {
        return demoMode;
    }

    @Override
    public PaymentResult authorize(PaymentRequest request) {
        return switch (String.valueOf(request.token())) {
            case "tok_ok" ->
                    new PaymentResult(
                            PaymentResult.Status.APPROVED, "test_" + UUID.randomUUID(), "Paid");
            case "tok_declined" ->
                    new PaymentResult(
                            PaymentResult.Status.DECLINED,
                            null,
                            "The card was declined. Try another card or another way to pay.");
            case "tok_error" ->
                    new PaymentResult(
                            PaymentResult.Status.ERROR,
                            null,
                            "The payment service did not answer. Nothing was charged; please try again.");
            default ->
                    new PaymentResult(
                            PaymentResult.Status.DECLINED,
                            null,
                            "Unknown test token; use tok_ok, tok_declined or tok_error.");
        };
    }

    /** The demo card gives back what it took (no money ever moved). */
    @Override
    public PaymentResult refund(String reference, long amountMinor) {
        return new PaymentResult(
                PaymentResult.Status.APPROVED,
                reference,
                "Refunded " + amountMinor + " (test card)");
    }
}
