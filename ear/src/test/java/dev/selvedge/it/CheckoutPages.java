package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

/** The checkout pages filled in over HTTP, step by step, as a guest. */
final class CheckoutPages {

    private CheckoutPages() {}

    /** Contact, a Mumbai address, the delivery and the payment method; returns the review page. */
    static FormClient.Page throughTheSteps(
            FormClient client, String email, String delivery, String method, String card)
            throws Exception {
        client.get("/checkout/contact.xhtml");
        assertThat(client.submit("contact", "continue", Map.of("email", email)).location())
                .endsWith("/checkout/address.xhtml");
        client.get("/checkout/address.xhtml");
        assertThat(client.submit("address", "continue", mumbai("400050", "9820012345")).location())
                .endsWith("/checkout/delivery.xhtml");
        client.get("/checkout/delivery.xhtml");
        assertThat(
                        client.submit(
                                        "delivery",
                                        "continue",
                                        Map.of("method", delivery, "store", ""))
                                .location())
                .endsWith("/checkout/payment.xhtml");
        client.get("/checkout/payment.xhtml");
        assertThat(
                        client.submit("payment", "continue", Map.of("method", method, "card", card))
                                .location())
                .endsWith("/checkout/review.xhtml");
        return client.get("/checkout/review.xhtml");
    }

    /** {@code POST /api/v1/checkout}: a Bengaluru address, standard delivery, one SKU. */
    static Http.Reply viaApi(String key, String email, String sku, int quantity, String method) {
        return Http.post(
                "/api/v1/checkout",
                """
                {"email":"%s",
                 "shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",
                   "state":"Karnataka","postalCode":"560038","country":"IN","phone":"9845012345"},
                 "shippingMethod":"standard",
                 "lines":[{"sku":"%s","quantity":%d}],
                 "payment":{"method":"%s"}}
                """
                        .formatted(email, sku, quantity, method),
                "Idempotency-Key",
                key);
    }

    /** The address form's fields for a Mumbai address, with this PIN code and mobile number. */
    static Map<String, String> mumbai(String postalCode, String phone) {
        Map<String, String> address = new HashMap<>();
        address.put("name", "Kabir Shah");
        address.put("line1", "7 Hill Road");
        address.put("line2", "");
        address.put("city", "Mumbai");
        address.put("state", "Maharashtra");
        address.put("postalCode", postalCode);
        address.put("phone", phone);
        return address;
    }
}
