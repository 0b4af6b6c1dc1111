package dev.selvedge.catalog;

import dev.selvedge.catalog.SearchResult.FacetCount;
import dev.selvedge.catalog.SearchResult.ProductCard;
import dev.selvedge.catalog.SearchResult.Swatch;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
     */
    private static final String SEARCH =
            """
            WITH q AS (SELECT CASE WHEN ?::text = '' THEN NULL ELSE to_tsquery('english', ?::text) END AS query),
            cand AS MATERIALIZED (
                SELECT v.product_id, p.brand_id, v.size_label, lower(v.colour_name) AS colour_key,
                       COALESCE(v.sale_price_minor, v.price_minor) AS eff_price, v.available_online AS available,
                       (cardinality(?::text[]) = 0 OR b.slug = ANY(?::text[])) AS fb,
                       (cardinality(?::text[]) = 0 OR v.size_label = ANY(?::text[])) AS fs,
                       (cardinality(?::text[]) = 0 OR lower(v.colour_name) = ANY(?::text[])) AS fc,
                       ((?::bigint IS NULL OR COALESCE(v.sale_price_minor, v.price_minor) >= ?::bigint)
                        AND (?::bigint IS NULL OR COALESCE(v.sale_price_minor, v.price_minor) <= ?::bigint)) AS fp,
                       (NOT ?::boolean OR v.available_online > 0) AS fi
                FROM q, product p
                JOIN brand b ON b.id = p.brand_id
                JOIN variant v ON v.product_id = p.id
                WHERE (?::text IS NULL OR p.category_id IN
                          (SELECT id FROM category WHERE path = ?::text OR path LIKE ?::text || '/%'))
                  AND (q.query IS NULL OR p.search_vector @@ q.query)),
            hits AS (
                SELECT product_id, MIN(eff_price) AS price_from
                FROM cand WHERE fb AND fs AND fc AND fp AND fi GROUP BY product_id)
            SELECT 'brand', b.slug, b.name, f.n, 0 FROM (
                SELECT brand_id, COUNT(*) AS n FROM (SELECT DISTINCT brand_id, product_id FROM cand
                    WHERE fs AND fc AND fp AND fi) d GROUP BY brand_id) f JOIN brand b ON b.id = f.brand_id
            UNION ALL SELECT 'size', size_label, NULL, COUNT(*), 0 FROM (SELECT DISTINCT size_label, product_id
                FROM cand WHERE fb AND fc AND fp AND fi) d GROUP BY size_label
            UNION ALL SELECT 'colour', colour_key, NULL, COUNT(*), 0 FROM (SELECT DISTINCT colour_key, product_id
                FROM cand WHERE fb AND fs AND fp AND fi) d GROUP BY colour_key
            UNION ALL SELECT 'total', NULL, NULL, COUNT(*), 0 FROM hits
            UNION ALL SELECT 'inStock', NULL, NULL, COUNT(*), 0 FROM (SELECT DISTINCT product_id FROM cand
                WHERE fb AND fs AND fc AND fp AND available > 0) d
            UNION ALL SELECT 'price', NULL, NULL, MIN(eff_price), MAX(eff_price) FROM cand WHERE fb AND fs AND fc AND fi
            UNION ALL (SELECT 'item', NULL, NULL, h.product_id, h.price_from
                FROM hits h JOIN product p ON p.id = h.product_id, q
                ORDER BY {order}
                LIMIT ? OFFSET ?)
            """;

    /** What the cards of a page show: product, brand, regular price at the lowest price, stock. */
    private static final String CARDS =
            """
            SELECT p.id, p.slug, p.name, b.name, v.colour_name, v.colour_hex, v.size_label, v.size_position,
                   v.price_minor, COALESCE(v.sale_price_minor, v.price_minor), v.currency, v.available_online
            FROM product p JOIN brand b ON b.id = p.brand_id JOIN variant v ON v.product_id = p.id
            WHERE p.id = ANY(?::bigint[])
            ORDER BY p.id, v.colour_name, v.size_position
            """;

    /** The first picture of each product, of a chosen colour where the shopper filtered by one. */
    private static final String IMAGES =
            """
            SELECT DISTINCT ON (i.product_id) i.product_id, i.id
            FROM product_image i WHERE i.product_id = ANY(?::bigint[])
            ORDER BY i.product_id, (lower(i.colour_name) = ANY(?::text[])) DESC, i.colour_name, i.position
            """;

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    @Inject private SearchWords searchWords;

    public SearchResult search(ProductQuery query) {
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
            try (PreparedStatement st =
                    connection.prepareStatement(SEARCH.replace("{order}", order(query.sort())))) {
                int i = bind(connection, st, query, tsquery);
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

    private static String order(ProductQuery.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> "ts_rank(p.search_vector, q.query) DESC, p.created_at DESC, p.id";
            case NEWEST -> "p.created_at DESC, p.id";
            case PRICE_ASC -> "h.price_from ASC, p.id";
            case PRICE_DESC -> "h.price_from DESC, p.id";
        };
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

    /** Binds the parameters of the candidate query in order; returns the next free index. */
    private static int bind(
            Connection connection, PreparedStatement st, ProductQuery query, String tsquery)
            throws SQLException {
        int i = 1;
        st.setString(i++, tsquery);
        st.setString(i++, tsquery);
        Array brands = connection.createArrayOf("text", query.brands().toArray());
        Array sizes = connection.createArrayOf("text", query.sizes().toArray());
        Array colours = connection.createArrayOf("text", lowerCase(query.colours()).toArray());
        for (Array array : List.of(brands, sizes, colours)) {
            st.setArray(i++, array);
            st.setArray(i++, array);
        }
        for (Long bound : new Long[] {query.minPriceMinor(), query.maxPriceMinor()}) {
            st.setObject(i++, bound, Types.BIGINT);
            st.setObject(i++, bound, Types.BIGINT);
        }
        st.setBoolean(i++, query.inStockOnly());
        String path = query.categoryPath();
        st.setString(i++, path);
        st.setString(i++, path);
        st.setString(i++, path == null ? null : escapeLike(path));
        return i;
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
