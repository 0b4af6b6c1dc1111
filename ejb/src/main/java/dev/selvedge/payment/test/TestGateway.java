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
 * does not answer; {@code tok_norefund} pays, and its refunds are refused (to see a failed refund).
 */
@ApplicationScoped
public class TestGateway implements PaymentGateway {

    private static final String NO_REFUND = "test_norefund_";

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
            case "tok_norefund" ->
                    new PaymentResult(
                            PaymentResult.Status.APPROVED,
                            NO_REFUND + UUID.randomUUID(),
                            "Paid (refunds refused)");
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
                            "Unknown test token; use tok_ok, tok_declined, tok_error or tok_norefund.");
        };
    }

    /** The demo card gives back what it took (no money ever moved). */
    @Override
    public PaymentResult refund(String reference, long amountMinor) {
        if (reference != null && reference.startsWith(NO_REFUND)) {
            return new PaymentResult(
                    PaymentResult.Status.DECLINED,
                    null,
                    "The test card refuses refunds (it was paid with tok_norefund)");
        }
        return new PaymentResult(
                PaymentResult.Status.APPROVED,
                reference,
                "Refunded " + amountMinor + " (test card)");
    }
}
