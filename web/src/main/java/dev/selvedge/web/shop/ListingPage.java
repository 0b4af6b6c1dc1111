package dev.selvedge.web.shop;

import dev.selvedge.catalog.CatalogService;
import dev.selvedge.catalog.ProductDetail.Crumb;
import dev.selvedge.catalog.ProductQuery;
import dev.selvedge.catalog.SearchResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A category listing ({@code /c/<path>}) or search results ({@code /search?q=}): filters come from
 * the query string and every facet, sort and page is a link to another bookmarkable URL.
 */
@Named
@RequestScoped
public class ListingPage {

    static final int PAGE_SIZE = 24;
    private static final List<String> FILTERS =
            List.of("q", "brand", "size", "colour", "minPrice", "maxPrice", "inStock", "sort");

    @Inject private CatalogService catalog;

    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private String categoryPath;
    private List<Crumb> trail = List.of();
    private ProductQuery query;
    private SearchResult result;
    private final List<String> problems = new ArrayList<>();

    /** Runs as the view action, before rendering, so that a 404 can still be sent. */
    public void load() {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        categoryPath = (String) context.getRequestMap().get(ShopUrlFilter.CATEGORY);
        if (categoryPath != null) {
            trail = catalog.categoryTrail(categoryPath);
            if (trail.isEmpty()) {
                notFound(context);
                return;
            }
        }
        Map<String, String[]> values = context.getRequestParameterValuesMap();
        for (String name : FILTERS) {
            String[] v = values.get(name);
            if (v != null) {
                List<String> kept = new ArrayList<>();
                for (String s : v) {
                    if (s != null && !s.isBlank()) {
                        kept.add(s.strip());
                    }
                }
                if (!kept.isEmpty()) {
                    params.put(name, kept);
                }
            }
        }
        Long min = price("minPrice");
        Long max = price("maxPrice");
        if (min != null && max != null && min > max) {
            problems.add("The lowest price is above the highest; showing all prices.");
            min = null;
            max = null;
        }
        ProductQuery.Sort sort =
                switch (first("sort", "")) {
                    case "newest" -> ProductQuery.Sort.NEWEST;
                    case "price-asc" -> ProductQuery.Sort.PRICE_ASC;
                    case "price-desc" -> ProductQuery.Sort.PRICE_DESC;
                    case "relevance" -> ProductQuery.Sort.RELEVANCE;
                    default -> null;
                };
        int page = 1;
        try {
            String[] asked = values.get("page");
            page =
                    asked == null || asked[0].isBlank()
                            ? 1
                            : Math.max(1, Math.min(10_000, Integer.parseInt(asked[0].strip())));
        } catch (NumberFormatException e) {
            problems.add("That page number is not a number; showing the first page.");
        }
        String text = first("q", "");
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        query =
                new ProductQuery(
                        text,
                        categoryPath,
                        set("brand"),
                        set("size"),
                        set("colour"),
                        min,
                        max,
                        "true".equals(first("inStock", "")),
                        sort,
                        page,
                        PAGE_SIZE);
        result = catalog.search(query);
    }

    private void notFound(ExternalContext context) {
        try {
            context.responseSendError(404, "No such category");
            FacesContext.getCurrentInstance().responseComplete();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Long price(String name) {
        String value = first(name, null);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal rupees = new BigDecimal(value);
            if (rupees.signum() < 0) {
                throw new NumberFormatException();
            }
            return rupees.setScale(2, java.math.RoundingMode.HALF_UP)
                    .movePointRight(2)
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add("'" + value + "' is not a price in rupees; that price filter is ignored.");
            params.remove(name);
            return null;
        }
    }

    private String first(String name, String fallback) {
        List<String> v = params.get(name);
        return v == null ? fallback : v.get(0);
    }

    private Set<String> set(String name) {
        return new LinkedHashSet<>(params.getOrDefault(name, List.of()));
    }

    // ---- links: each one is the current URL with one thing changed, back on page 1 ----

    public String toggle(String facet, String value) {
        Map<String, List<String>> next = copy();
        List<String> values = next.computeIfAbsent(facet, k -> new ArrayList<>());
        if (!values.remove(value)) {
            values.add(value);
        }
        return url(next, 1);
    }

    public String with(String name, String value) {
        Map<String, List<String>> next = copy();
        if (value == null || value.isEmpty()) {
            next.remove(name);
        } else {
            next.put(name, new ArrayList<>(List.of(value)));
        }
        return url(next, 1);
    }

    public String pageUrl(int page) {
        return url(copy(), page);
    }

    public String clearFilters() {
        Map<String, List<String>> next = new LinkedHashMap<>();
        if (params.containsKey("q")) {
            next.put("q", params.get("q"));
        }
        return url(next, 1);
    }

    private Map<String, List<String>> copy() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    private String url(Map<String, List<String>> values, int page) {
        StringBuilder url = new StringBuilder(basePath());
        char sep = '?';
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            for (String v : e.getValue()) {
                url.append(sep)
                        .append(e.getKey())
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        if (page > 1) {
            url.append(sep).append("page=").append(page);
        }
        return url.toString();
    }

    public String basePath() {
        String context =
                FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + (categoryPath == null ? "/search" : "/c/" + categoryPath);
    }

    // ---- what the page shows ----

    public boolean isSearch() {
        return categoryPath == null;
    }

    public String getTitle() {
        if (!isSearch()) {
            return trail.get(trail.size() - 1).name();
        }
        return query.text().isEmpty()
                ? "All products"
                : "Results for \u201c" + query.text() + "\u201d";
    }

    public String getMetaDescription() {
        return isSearch()
                ? "Search the Selvedge catalogue of more than 50 brands."
                : "Shop "
                        + result.total()
                        + " "
                        + trail.stream().map(Crumb::name).reduce((a, b) -> a + " " + b).orElse("")
                        + " styles from more than 50 brands at Selvedge, in store and online.";
    }

    public List<Crumb> getTrail() {
        return trail;
    }

    public ProductQuery getQuery() {
        return query;
    }

    public SearchResult getResult() {
        return result;
    }

    public List<String> getProblems() {
        return problems;
    }

    public boolean isFiltered() {
        return params.keySet().stream().anyMatch(k -> !k.equals("q") && !k.equals("sort"));
    }

    /** How many filter values are chosen (brands, sizes, colours, price bounds, in stock). */
    public int getActiveFilterCount() {
        return params.entrySet().stream()
                .filter(e -> !e.getKey().equals("q") && !e.getKey().equals("sort"))
                .mapToInt(e -> e.getValue().size())
                .sum();
    }

    public String param(String name) {
        return first(name, "");
    }

    public int getPageCount() {
        return (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** Page numbers around the current one, for the pager. */
    public List<Integer> getPages() {
        List<Integer> pages = new ArrayList<>();
        int from = Math.max(1, query.page() - 2);
        int to = Math.min(getPageCount(), from + 4);
        for (int p = from; p <= to; p++) {
            pages.add(p);
        }
        return pages;
    }

    public String getSortKey() {
        return first("sort", "");
    }

    /** Hidden fields that carry the current filters through the price form. */
    public List<Map.Entry<String, String>> hiddenExcept(String a, String b) {
        List<Map.Entry<String, String>> hidden = new ArrayList<>();
        params.forEach(
                (k, vs) -> {
                    if (!k.equals(a) && !k.equals(b)) {
                        vs.forEach(v -> hidden.add(Map.entry(k, v)));
                    }
                });
        return hidden;
    }
}
