package dev.selvedge.pricing;

import java.util.List;

/**
 * What an order costs, worked out on the server only (whatever a client sends): each line at the
 * price of the day, discounts, shipping, the GST included, and the total to pay. Amounts in paise.
 */
public record Quote(
        List<Line> lines,
        long itemsMinor,
        long discountMinor,
        long shippingMinor,
        long taxIncludedMinor,
        long totalMinor,
        String currency) {

    public record Line(
            String sku,
            String name,
            String size,
            String colour,
            int quantity,
            long unitMinor,
            long lineMinor,
            int taxRatePercent,
            long taxIncludedMinor) {}
}
