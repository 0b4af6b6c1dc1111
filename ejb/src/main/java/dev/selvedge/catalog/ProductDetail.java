package dev.selvedge.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Everything a product page or the product API shows, read in one transaction. */
public record ProductDetail(
        String slug,
        String name,
        String brand,
        String brandSlug,
        List<Crumb> categoryTrail,
        String gender,
        String description,
        String material,
        String care,
        List<String> tags,
        String currency,
        List<VariantView> variants,
        List<ImageView> images,
        SizeChartView sizeChart) {

    public record Crumb(String path, String name) {}

    public record VariantView(
            String sku,
            String barcode,
            String size,
            String colour,
            String colourHex,
            long priceMinor,
            Long salePriceMinor,
            int available) {}

    public record ImageView(long id, String colour, String alt) {}

    /** Rows are size label to (measure name to centimetres), in size order. */
    public record SizeChartView(
            List<String> measures, Map<String, Map<String, BigDecimal>> rows, String fitNotes) {}

    public String categoryPath() {
        return categoryTrail.get(categoryTrail.size() - 1).path();
    }

    /** The lowest price a shopper pays now across the variants. */
    public long fromPriceMinor() {
        return variants.stream()
                .mapToLong(v -> v.salePriceMinor() != null ? v.salePriceMinor() : v.priceMinor())
                .min()
                .orElse(0);
    }

    public int totalAvailable() {
        return variants.stream().mapToInt(VariantView::available).sum();
    }
}
