package dev.selvedge.ordering;

import dev.selvedge.customer.PostalAddress;
import java.util.List;

/**
 * A checkout as the app or the checkout pages send it. Prices and totals are not part of it: the
 * server works them out (a client that sends some has them ignored).
 */
public record CheckoutRequest(
        String email,
        PostalAddress shippingAddress,
        String shippingMethod,
        String pickupStore,
        List<Line> lines,
        Payment payment) {

    public record Line(String sku, Integer quantity) {}

    public record Payment(String method, String token) {}

    /** The request in one canonical text, to tell a repeat from a different request. */
    String canonical() {
        StringBuilder s = new StringBuilder();
        s.append(email).append('|').append(shippingAddress).append('|').append(shippingMethod);
        s.append('|').append(pickupStore).append('|');
        if (lines != null) {
            lines.forEach(l -> s.append(l.sku()).append('x').append(l.quantity()).append(';'));
        }
        s.append('|').append(payment == null ? null : payment.method() + "/" + payment.token());
        return s.toString();
    }
}
