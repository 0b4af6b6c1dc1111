package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Orders placed through the checkout API as the tests need them: one line, paid or not. */
final class Checkouts {

    private Checkouts() {}

    /**
     * A delivered order of {@code quantity} × {@code sku}, paid with {@code method}/{@code token}.
     */
    static String place(String email, String sku, int quantity, String method, String token) {
        return place(email, sku, quantity, method, token, null);
    }

    /** As {@link #place(String, String, int, String, String)}; collected at a store when given. */
    static String place(
            String email, String sku, int quantity, String method, String token, String store) {
        Http.Reply placed =
                Http.post(
                        "/api/v1/checkout",
                        """
                        {"email":"%s",
                         "shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",
                           "state":"Karnataka","postalCode":"560038","country":"IN","phone":"9845012345"},
                         "shippingMethod":"%s"%s,
                         "lines":[{"sku":"%s","quantity":%d,"unitPrice":1}],
                         "payment":{"method":"%s","token":"%s"}}
                        """
                                .formatted(
                                        email,
                                        store == null ? "standard" : "click-and-collect",
                                        store == null ? "" : ", \"pickupStore\":\"" + store + "\"",
                                        sku,
                                        quantity,
                                        method,
                                        token),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().getString("orderNumber");
    }
}
