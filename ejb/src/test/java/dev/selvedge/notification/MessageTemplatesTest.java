package dev.selvedge.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates();

    private static Map<String, Object> order() {
        return Map.of(
                "number", "SV-2026-000123",
                "link", "https://shop.example/orders/SV-2026-000123?t=abc&x=1",
                "lines",
                        List.of(
                                Map.of(
                                        "quantity", 2,
                                        "name", "Linen Lane \"Weekend\" shirt & tie",
                                        "colour", "Navy",
                                        "size", "L",
                                        "price", "₹3,998.00")),
                "shipping", "₹0.00",
                "total", "₹3,998.00",
                "tax", "₹428.36",
                "delivery", "Standard delivery",
                "address", "Asha Rao, 12, 4th Cross, Bengaluru, Karnataka 560038",
                "payment", "received",
                "clickAndCollect", false);
    }

    @Test
    void theConfirmationHasItsSubjectLinesTotalsAndLinkAsPlainText() {
        MessageTemplates.Rendered mail = templates.email("CONFIRMED", order());

        assertThat(mail.subject()).isEqualTo("Your Selvedge order SV-2026-000123");
        assertThat(mail.body())
                .contains("2 x Linen Lane \"Weekend\" shirt & tie (Navy, L)  ₹3,998.00")
                .contains("Total: ₹3,998.00 (includes GST of ₹428.36)")
                .contains("We will email you when it ships.")
                .contains("Follow your order: https://shop.example/orders/SV-2026-000123?t=abc&x=1")
                .doesNotContain("&amp;")
                .doesNotContain("&quot;")
                .doesNotContain("ready to collect");
    }

    @Test
    void aShortTextFitsOneLineAndEveryToldStateHasBothKinds() {
        assertThat(templates.text("CONFIRMED", order()))
                .isEqualTo(
                        "Selvedge: thank you! Order SV-2026-000123 is confirmed (₹3,998.00)."
                                + " Follow it: https://shop.example/orders/SV-2026-000123?t=abc&x=1");
        for (String state :
                List.of(
                        "CONFIRMED",
                        "SHIPPED",
                        "OUT_FOR_DELIVERY",
                        "DELIVERED",
                        "DELIVERY_FAILED",
                        "READY_FOR_PICKUP",
                        "PICKUP_REMINDER",
                        "CANCELLED",
                        "NOT_COLLECTED")) {
            assertThat(templates.has(state, "email")).as(state).isTrue();
            assertThat(templates.has(state, "text")).as(state).isTrue();
            assertThat(templates.email(state, order()).subject()).contains("SV-2026-000123");
        }
        assertThat(templates.has("PICKING", "email")).isFalse();
        assertThatThrownBy(() -> templates.email("PICKING", order()))
                .hasMessageContaining("PICKING");
    }
}
