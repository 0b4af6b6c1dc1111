package dev.selvedge.payment;

/**
 * A way to pay, behind which sits a payment provider (or none, for cash on delivery). Card data
 * never reaches the shop: the shopper's browser or app hands the provider the card and gives the
 * shop a token, which is what {@link PaymentRequest#token()} carries.
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

    /** Whether the shop offers it now. */
    boolean enabled();

    /** Takes the payment for an order (authorised and captured), or says why not. */
    PaymentResult pay(PaymentRequest request);
}
