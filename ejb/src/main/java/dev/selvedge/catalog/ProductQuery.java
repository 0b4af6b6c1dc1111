package dev.selvedge.catalog;

import java.util.Set;

/**
 * What a shopper asks of the catalogue: text, facets, price band (minor units), sort and page.
 * Pages count from 1. Empty sets mean "no filter on that facet".
 */
public record ProductQuery(
        String text,
        String categoryPath,
        Set<String> brands,
        Set<String> sizes,
        Set<String> colours,
        Long minPriceMinor,
        Long maxPriceMinor,
        boolean inStockOnly,
        Sort sort,
        int page,
        int pageSize) {

    public static final int MAX_PAGE_SIZE = 100;

    public enum Sort {
        RELEVANCE,
        NEWEST,
        PRICE_ASC,
        PRICE_DESC
    }

    public ProductQuery {
        text = text == null ? "" : text.strip();
        brands = Set.copyOf(brands);
        sizes = Set.copyOf(sizes);
        colours = Set.copyOf(colours);
        sort = sort == null ? (text.isEmpty() ? Sort.NEWEST : Sort.RELEVANCE) : sort;
        if (page < 1) {
            throw new IllegalArgumentException("page counts from 1");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize is between 1 and " + MAX_PAGE_SIZE);
        }
        if (minPriceMinor != null && minPriceMinor < 0
                || maxPriceMinor != null && maxPriceMinor < 0) {
            throw new IllegalArgumentException("prices cannot be negative");
        }
        if (minPriceMinor != null && maxPriceMinor != null && minPriceMinor > maxPriceMinor) {
            throw new IllegalArgumentException("minPrice is above maxPrice");
        }
        if (text.length() > 200) {
            throw new IllegalArgumentException("search text is longer than 200 characters");
        }
    }

    public static ProductQuery all(int page, int pageSize) {
        return new ProductQuery(
                "", null, Set.of(), Set.of(), Set.of(), null, null, false, null, page, pageSize);
    }
}
