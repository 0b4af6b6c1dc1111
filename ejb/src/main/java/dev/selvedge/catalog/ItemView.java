package dev.selvedge.catalog;

import java.util.List;

/**
 * One SKU as a bag or an order line shows it: what it is, its picture, today's price, what can be
 * sold online now, and the other sizes of the same colour to switch to.
 */
public record ItemView(
        String sku,
        String productSlug,
        String brand,
        String name,
        String colour,
        String size,
        Long imageId,
        long priceMinor,
        Long salePriceMinor,
        String currency,
        int available,
        List<SizeOption> sizes) {

    public record SizeOption(String sku, String size, int available) {}

    public long unitMinor() {
        return salePriceMinor != null ? salePriceMinor : priceMinor;
    }
}
