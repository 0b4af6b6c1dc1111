package dev.selvedge.catalog;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.selvedge.catalog.SearchResult.FacetCount;
import dev.selvedge.catalog.SearchResult.ProductCard;
import dev.selvedge.catalog.SearchResult.Swatch;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Faceted catalogue search in PostgreSQL. One statement finds the variants that match the text
 * (after typo correction) and the category, counts every facet with the other filters applied (so
 * that a shopper can widen a selection), and picks one page of products; a second reads what the
 * page's cards show. Plain JDBC, because the query is dynamic SQL with arrays that JPQL cannot
 * express; every value travels as a bind parameter.
 */
@ApplicationScoped
public class ProductSearch {

    /**
     * Rows: facet counts ('brand', 'size', 'colour' with value and count), 'total', 'inStock',
     * 'price' (min and max), then the page's products ('item' with product id) in page order.
     * Conditions for filters that are not set are left out rather than passed as "any", so that the
     * planner sees the real query and picks hash joins for wide matches; {@link #statement} fills
     * the placeholders with fixed SQL fragments, and every value is a bind parameter.
     */
    private static final String SEARCH =
            """
            WITH cand AS MATERIALIZED (
                SELECT v.product_id, p.brand_id, v.size_label, lower(v.colour_name) AS colour_key,
                       COALESCE(v.sale_price_minor, v.price_minor) AS eff_price, v.available_online AS available,
                       {brand} AS fb, {size} AS fs, {colour} AS fc, {price} AS fp, {inStock} AS fi
                FROM product p
                JOIN brand b ON b.id = p.brand_id
                JOIN variant v ON v.product_id = p.id
                WHERE {where}),
            products AS (
                -- One pass per product: brand counts, totals, the price band and the page all
                -- come from here (a product has one brand); sizes and colours need their own.
                SELECT product_id, brand_id,
                       BOOL_OR(fb AND fs AND fc AND fp AND fi) AS hit,
                       BOOL_OR(fs AND fc AND fp AND fi) AS for_brand,
                       BOOL_OR(fb AND fs AND fc AND fp AND available > 0) AS hit_in_stock,
                       MIN(eff_price) FILTER (WHERE fb AND fs AND fc AND fp AND fi) AS price_from,
                       MIN(eff_price) FILTER (WHERE fb AND fs AND fc AND fi) AS band_min,
                       MAX(eff_price) FILTER (WHERE fb AND fs AND fc AND fi) AS band_max
                FROM cand GROUP BY product_id, brand_id)
            SELECT 'brand', b.slug, b.name, f.n, 0 FROM (
                SELECT brand_id, COUNT(*) AS n FROM products WHERE for_brand GROUP BY brand_id) f
                JOIN brand b ON b.id = f.brand_id
            UNION ALL SELECT 'size', size_label, NULL, COUNT(*), 0 FROM (SELECT DISTINCT size_label, product_id
                FROM cand WHERE fb AND fc AND fp AND fi) d GROUP BY size_label
            UNION ALL SELECT 'colour', colour_key, NULL, COUNT(*), 0 FROM (SELECT DISTINCT colour_key, product_id
                FROM cand WHERE fb AND fs AND fp AND fi) d GROUP BY colour_key
            UNION ALL SELECT 'total', NULL, NULL, COUNT(*) FILTER (WHERE hit), 0 FROM products
            UNION ALL SELECT 'inStock', NULL, NULL, COUNT(*) FILTER (WHERE hit_in_stock), 0 FROM products
            UNION ALL SELECT 'price', NULL, NULL, MIN(band_min), MAX(band_max) FROM products
            UNION ALL (SELECT 'item', NULL, NULL, h.product_id, h.price_from
                FROM products h JOIN product p ON p.id = h.product_id
                WHERE h.hit
                ORDER BY {order}
                LIMIT ? OFFSET ?)
            """;

    /** What the cards of a page show: product, brand, regular price at the lowest price, stock. */
    private static final String CARDS =
            """
            SELECT p.id, p.slug, p.name, b.name, v.colour_name, v.colour_hex, v.size_label, v.size_position,
                   v.price_minor, COALESCE(v.sale_price_minor, v.price_minor), v.currency, v.available_online
            FROM unnest(?::bigint[]) AS page(id)
            JOIN product p ON p.id = page.id
            JOIN brand b ON b.id = p.brand_id
            JOIN variant v ON v.product_id = p.id
            ORDER BY p.id, v.colour_name, v.size_position
            """;

    /** The first picture of each product, of a chosen colour where the shopper filtered by one. */
    private static final String IMAGES =
            """
            SELECT DISTINCT ON (i.product_id) i.product_id, i.id
            FROM unnest(?::bigint[]) AS page(id) JOIN product_image i ON i.product_id = page.id
            ORDER BY i.product_id, (lower(i.colour_name) = ANY(?::text[])) DESC, i.colour_name, i.position
            """;

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    @Inject private SearchWords searchWords;

    @Inject
    @ConfigProperty(name = "selvedge.search.cache.seconds", defaultValue = "10")
    private int cacheSeconds;

    @Resource private ManagedExecutorService executor;

    /**
     * Recent results by query. Browsing repeats the same listings (a department, a popular search)
     * for many shoppers; counting facets over the whole catalogue costs tens of milliseconds, so an
     * answer is reused for at most {@code selvedge.search.cache.seconds} (10 by default) and
     * refreshed in the background after a fifth of that while shoppers keep asking for it. An
     * answer is never used after a catalogue change (a price, a product, a SKU going out of stock
     * or back in: {@link CatalogueGeneration}), so stock figures may be a few seconds old but
     * whether a product is in stock and what it costs are not. Product pages and the API's product
     * reads are never cached. 0 turns the cache off.
     */
    private LoadingCache<Key, SearchResult> recent;

    @Inject private CatalogueGeneration generation;

    /** A query as asked under one catalogue generation. */
    private record Key(ProductQuery query, long generation) {}

    @PostConstruct
    void createCache() {
        recent =
                Caffeine.newBuilder()
                        .maximumSize(10_000)
                        .expireAfterWrite(Duration.ofSeconds(Math.max(1, cacheSeconds)))
                        .refreshAfterWrite(Duration.ofMillis(Math.max(1, cacheSeconds) * 200L))
                        .executor(executor)
                        .build(key -> execute(key.query()));
    }

    public SearchResult search(ProductQuery query) {
        return cacheSeconds > 0 ? recent.get(new Key(query, generation.current())) : execute(query);
    }

    private SearchResult execute(ProductQuery query) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> typed = SearchText.words(query.text());
            List<String> words = searchWords.correct(connection, typed);
            String tsquery = SearchText.prefixQuery(words);
            String corrected = words.equals(typed) ? null : String.join(" ", words);

            Set<String> colours = lowerCase(query.colours());
            List<FacetCount> brands = new ArrayList<>();
            List<FacetCount> sizes = new ArrayList<>();
            List<FacetCount> colourFacet = new ArrayList<>();
            Map<String, Long> numbers = new HashMap<>();
            Map<Long, Long> pageFrom = new LinkedHashMap<>();
            Statement statement = statement(query, tsquery);
            try (PreparedStatement st = connection.prepareStatement(statement.sql())) {
                int i = 1;
                for (Object value : statement.values()) {
                    if (value instanceof String[] array) {
                        st.setArray(i++, connection.createArrayOf("text", array));
                    } else {
                        st.setObject(i++, value);
                    }
                }
                st.setInt(i++, query.pageSize());
                st.setLong(i, (long) (query.page() - 1) * query.pageSize());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String value = rs.getString(2);
                        long count = rs.getLong(4);
                        switch (rs.getString(1)) {
                            case "brand" ->
                                    brands.add(
                                            new FacetCount(
                                                    value,
                                                    rs.getString(3),
                                                    count,
                                                    query.brands().contains(value)));
                            case "size" ->
                                    sizes.add(
                                            new FacetCount(
                                                    value,
                                                    value,
                                                    count,
                                                    query.sizes().contains(value)));
                            case "colour" ->
                                    colourFacet.add(
                                            new FacetCount(
                                                    value,
                                                    capitalise(value),
                                                    count,
                                                    colours.contains(value)));
                            case "price" -> {
                                numbers.put("priceMin", (Long) rs.getObject(4, Long.class));
                                numbers.put(
                                        "priceMax", rs.getObject(5) == null ? null : rs.getLong(5));
                            }
                            case "item" -> pageFrom.put(count, rs.getLong(5));
                            default -> numbers.put(rs.getString(1), count);
                        }
                    }
                }
            }
            brands.sort(Comparator.comparing(FacetCount::label, String.CASE_INSENSITIVE_ORDER));
            colourFacet.sort(Comparator.comparing(FacetCount::label));
            // Letter sizes (XS..XXL) before waist sizes (28..38), each run in its own order.
            sizes.sort(
                    Comparator.comparing((FacetCount f) -> f.value().matches("\\d+"))
                            .thenComparingInt(ProductSearch::sizeRank)
                            .thenComparing(FacetCount::value));
            return new SearchResult(
                    cards(connection, pageFrom, colours),
                    numbers.getOrDefault("total", 0L),
                    brands,
                    sizes,
                    colourFacet,
                    numbers.getOrDefault("inStock", 0L),
                    numbers.get("priceMin"),
                    numbers.get("priceMax"),
                    corrected);
        } catch (SQLException e) {
            throw new IllegalStateException("Catalogue search failed", e);
        }
    }

    private static final List<String> LETTER_SIZES =
            List.of("XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL");

    private static int sizeRank(FacetCount f) {
        int letter = LETTER_SIZES.indexOf(f.value());
        if (letter >= 0) {
            return letter;
        }
        return f.value().matches("\\d{1,6}") ? Integer.parseInt(f.value()) : Integer.MAX_VALUE;
    }

    /** Collects a card from its variant rows. */
    private static final class CardRows {
        final String slug;
        final String name;
        final String brand;
        final String currency;
        final Set<Swatch> swatches = new LinkedHashSet<>();
        final Set<String> sizes = new LinkedHashSet<>();
        long regularAtLowest = Long.MAX_VALUE;
        boolean inStock;

        CardRows(ResultSet rs) throws SQLException {
            slug = rs.getString(2);
            name = rs.getString(3);
            brand = rs.getString(4);
            currency = rs.getString(11);
        }
    }

    private List<ProductCard> cards(
            Connection connection, Map<Long, Long> pageFrom, Set<String> colours)
            throws SQLException {
        if (pageFrom.isEmpty()) {
            return List.of();
        }
        Array ids = connection.createArrayOf("bigint", pageFrom.keySet().toArray());
        Map<Long, CardRows> rows = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(CARDS)) {
            st.setArray(1, ids);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    CardRows card = rows.get(id);
                    if (card == null) {
                        card = new CardRows(rs);
                        rows.put(id, card);
                    }
                    card.swatches.add(new Swatch(rs.getString(5), rs.getString(6)));
                    card.sizes.add(rs.getString(7));
                    // The regular price shown struck through is that of the variant sold cheapest.
                    if (rs.getLong(10) == pageFrom.get(id)) {
                        card.regularAtLowest = Math.min(card.regularAtLowest, rs.getLong(9));
                    }
                    card.inStock |= rs.getInt(12) > 0;
                }
            }
        }
        Map<Long, Long> images = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(IMAGES)) {
            st.setArray(1, ids);
            st.setArray(2, connection.createArrayOf("text", colours.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    images.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        List<ProductCard> page = new ArrayList<>();
        pageFrom.forEach(
                (id, from) -> {
                    CardRows c = rows.get(id);
                    page.add(
                            new ProductCard(
                                    c.slug,
                                    c.name,
                                    c.brand,
                                    c.regularAtLowest,
                                    c.regularAtLowest > from ? from : null,
                                    c.currency,
                                    images.get(id),
                                    List.copyOf(c.swatches),
                                    List.copyOf(c.sizes),
                                    c.inStock));
                });
        return page;
    }

    /** The search statement for a query, with its bind values in order (page bounds excepted). */
    record Statement(String sql, List<Object> values) {}

    static Statement statement(ProductQuery query, String tsquery) {
        List<Object> values = new ArrayList<>();
        String sql = SEARCH;
        sql =
                filter(
                        sql,
                        "{brand}",
                        "b.slug = ANY(?::text[])",
                        values,
                        query.brands().toArray(String[]::new));
        sql =
                filter(
                        sql,
                        "{size}",
                        "v.size_label = ANY(?::text[])",
                        values,
                        query.sizes().toArray(String[]::new));
        sql =
                filter(
                        sql,
                        "{colour}",
                        "lower(v.colour_name) = ANY(?::text[])",
                        values,
                        lowerCase(query.colours()).toArray(String[]::new));
        List<String> price = new ArrayList<>();
        if (query.minPriceMinor() != null) {
            price.add("COALESCE(v.sale_price_minor, v.price_minor) >= ?");
            values.add(query.minPriceMinor());
        }
        if (query.maxPriceMinor() != null) {
            price.add("COALESCE(v.sale_price_minor, v.price_minor) <= ?");
            values.add(query.maxPriceMinor());
        }
        sql =
                sql.replace(
                        "{price}",
                        price.isEmpty() ? "TRUE" : "(" + String.join(" AND ", price) + ")");
        sql = sql.replace("{inStock}", query.inStockOnly() ? "(v.available_online > 0)" : "TRUE");
        List<String> where = new ArrayList<>(List.of("TRUE"));
        if (query.categoryPath() != null) {
            where.add(
                    "p.category_id IN (SELECT id FROM category WHERE path = ? OR path LIKE ? || '/%')");
            values.add(query.categoryPath());
            values.add(escapeLike(query.categoryPath()));
        }
        if (!tsquery.isEmpty()) {
            where.add("p.search_vector @@ to_tsquery('english', ?)");
            values.add(tsquery);
        }
        sql = sql.replace("{where}", String.join(" AND ", where));
        boolean ranked = query.sort() == ProductQuery.Sort.RELEVANCE && !tsquery.isEmpty();
        String order =
                switch (query.sort()) {
                    case RELEVANCE ->
                            ranked
                                    ? "ts_rank(p.search_vector, to_tsquery('english', ?)) DESC, p.created_at DESC, p.id"
                                    : "p.created_at DESC, p.id";
                    case NEWEST -> "p.created_at DESC, p.id";
                    case PRICE_ASC -> "h.price_from ASC, p.id";
                    case PRICE_DESC -> "h.price_from DESC, p.id";
                };
        if (ranked) {
            values.add(tsquery);
        }
        return new Statement(sql.replace("{order}", order), values);
    }

    /** A facet condition when values are selected, TRUE (no condition) when none are. */
    private static String filter(
            String sql,
            String placeholder,
            String condition,
            List<Object> values,
            String[] selected) {
        if (selected.length == 0) {
            return sql.replace(placeholder, "TRUE");
        }
        values.add(selected);
        return sql.replace(placeholder, "(" + condition + ")");
    }

    private static Set<String> lowerCase(Set<String> values) {
        Set<String> lower = new LinkedHashSet<>();
        values.forEach(v -> lower.add(v.toLowerCase(Locale.ROOT)));
        return lower;
    }

    /** Colour keys are lower case; labels capitalise each word again ("sky blue" is "Sky Blue"). */
    private static String capitalise(String key) {
        StringBuilder label = new StringBuilder(key.length());
        boolean start = true;
        for (char ch : key.toCharArray()) {
            label.append(start ? Character.toUpperCase(ch) : ch);
            start = ch == ' ' || ch == '-';
        }
        return label.toString();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
