package dev.selvedge.catalog;

import java.util.List;

/** One page of products matching a query, with facet counts over all matches. */
public record SearchResult(
        List<ProductCard> items,
        long total,
        List<FacetCount> brands,
        List<FacetCount> sizes,
        List<FacetCount> colours,
        long inStockCount,
        Long priceMinMinor,
        Long priceMaxMinor,
        String correctedText) {

    /** A facet value with the number of products it would select (the other filters applied). */
    public record FacetCount(String value, String label, long count, boolean selected) {}

    /** What a listing shows of a product. */
    public record ProductCard(
            String slug,
            String name,
            String brand,
            long priceMinor,
            Long salePriceMinor,
            String currency,
            Long imageId,
            List<Swatch> colours,
            List<String> sizes,
            boolean inStock) {}

    public record Swatch(String name, String hex) {}
}
