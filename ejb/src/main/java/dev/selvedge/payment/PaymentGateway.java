package dev.selvedge.payment;

import java.util.Map;
import java.util.Optional;

/**
 * A way to pay, behind which sits a payment provider (or none, for cash on delivery). Card data
 * never reaches the shop: the shopper pays on the provider's page (or with the provider's own
 * fields), and the shop hears the outcome from the provider's API and signed webhooks.
 */
public interface PaymentGateway {

    /**
     * The method's name in requests and settings: {@code test}, {@code cod}, {@code stripe}, ...
     */
    String id();

    /** How the checkout page names it to shoppers. */
    default String label() {
        return id();
    }

    /**
     * How long the stock is held for an order paid this way (null: the shop's default); longer for
     * providers whose payment pages stay open longer.
     */
    default Integer holdMinutes() {
        return null;
    }

    /** Whether the shop offers it now. */
    boolean enabled();

    /**
     * Starts taking the payment for an order: settled at once (APPROVED, PENDING for later
     * collection, DECLINED, ERROR) or REDIRECT to the provider's page.
     */
    PaymentResult authorize(PaymentRequest request);

    /** Takes money authorised before; the answer says whether it was taken. */
    default PaymentResult capture(String reference, long amountMinor) {
        return new PaymentResult(PaymentResult.Status.APPROVED, reference, "Nothing to capture");
    }

    /** Gives money back (all of it or part); the answer says whether it went. */
    default PaymentResult refund(String reference, long amountMinor) {
        return new PaymentResult(
                PaymentResult.Status.ERROR, reference, id() + " cannot refund; refund by hand");
    }

    /** Asks the provider where a payment stands now. */
    default PaymentResult status(String reference) {
        return new PaymentResult(PaymentResult.Status.PENDING, reference, "No status to ask for");
    }

    /**
     * The shopper left the provider's page: it is closed when the provider allows it, and the
     * answer says where the payment stands (DECLINED once closed unpaid; APPROVED when it was paid
     * after all). By default the page stays open until it expires: PENDING.
     */
    default PaymentResult cancel(String reference) {
        return new PaymentResult(PaymentResult.Status.PENDING, reference, "Left open");
    }

    /**
     * The shopper came back from the provider's page, with what the provider added to the return
     * address (some providers sign it): where the payment stands. By default, the provider is asked
     * ({@link #status}).
     */
    default PaymentResult returned(String reference, Map<String, String> parameters) {
        return status(reference);
    }

    /**
     * A notification posted by the provider: its signature checked the provider's way ({@link
     * BadSignature} when it fails), then read. Empty for events that say nothing about a payment.
     * Header names are lower case.
     */
    default Optional<PaymentEvent> webhook(Map<String, String> headers, String body) {
        throw new BadSignature(id() + " sends no webhooks");
    }
}
