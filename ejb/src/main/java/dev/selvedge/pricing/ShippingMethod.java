package dev.selvedge.pricing;

import java.util.Arrays;
import java.util.Optional;

/** How an order reaches the shopper. */
public enum ShippingMethod {
    STANDARD("standard", "Standard delivery (3 to 5 days)"),
    EXPRESS("express", "Express delivery (1 to 2 days)"),
    CLICK_AND_COLLECT("click-and-collect", "Collect from a store");

    private final String code;
    private final String label;

    ShippingMethod(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<ShippingMethod> of(String code) {
        return Arrays.stream(values())
                .filter(m -> m.code.equalsIgnoreCase(String.valueOf(code)))
                .findFirst();
    }
}
