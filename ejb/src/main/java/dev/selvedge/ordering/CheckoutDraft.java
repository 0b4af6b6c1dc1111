package dev.selvedge.ordering;

import dev.selvedge.customer.PostalAddress;

/**
 * The checkout steps a shopper has completed so far, kept with the bag (not the session, so a
 * session that ends mid-checkout loses nothing): contact email, delivery address, how it travels,
 * how it is paid.
 */
public record CheckoutDraft(
        String email,
        PostalAddress address,
        String shippingMethod,
        String pickupStore,
        String paymentMethod,
        String paymentToken) {

    public static final CheckoutDraft EMPTY = new CheckoutDraft(null, null, null, null, null, null);

    public CheckoutDraft withEmail(String value) {
        return new CheckoutDraft(
                value, address, shippingMethod, pickupStore, paymentMethod, paymentToken);
    }

    public CheckoutDraft withAddress(PostalAddress value) {
        return new CheckoutDraft(
                email, value, shippingMethod, pickupStore, paymentMethod, paymentToken);
    }

    public CheckoutDraft withShipping(String method, String store) {
        return new CheckoutDraft(email, address, method, store, paymentMethod, paymentToken);
    }

    public CheckoutDraft withPayment(String method, String token) {
        return new CheckoutDraft(email, address, shippingMethod, pickupStore, method, token);
    }
}
