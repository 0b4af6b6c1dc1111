package dev.selvedge.catalog;

import dev.selvedge.catalog.SearchResult.FacetCount;
import dev.selvedge.catalog.SearchResult.ProductCard;
import dev.selvedge.catalog.SearchResult.Swatch;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Faceted catalogue search in PostgreSQL: full-text match on the product's search vector after typo
 * correction, disjunctive facet counts (each facet counted with the other filters applied), and one
 * page of product cards. Plain JDBC, because the query is dynamic SQL with arrays that JPQL cannot
 * express; every value travels as a bind parameter.
 */
@ApplicationScoped
public class ProductSearch {

    /** Variants of products in the category and text match, with the facet filters as flags. */
    private static final String CANDIDATES =
            """
            WITH q AS (SELECT CASE WHEN ?::text = '' THEN NULL ELSE to_tsquery('english', ?) END AS query),
            avail AS (
                SELECT s.variant_id, GREATEST(SUM(s.on_hand - s.reserved), 0) AS available
                FROM stock_level s JOIN location l ON l.id = s.location_id AND l.fulfils_online
                GROUP BY s.variant_id),
            cand AS MATERIALIZED (
                SELECT p.id AS product_id, b.slug AS brand_slug, b.name AS brand_name,
                       v.size_label, v.size_position, v.colour_name,
                       COALESCE(v.sale_price_minor, v.price_minor) AS eff_price,
                       COALESCE(a.available, 0) AS available,
                       CASE WHEN q.query IS NULL THEN 0 ELSE ts_rank(p.search_vector, q.query) END AS rank,
                       (cardinality(?::text[]) = 0 OR b.slug = ANY(?::text[])) AS fb,
                       (cardinality(?::text[]) = 0 OR v.size_label = ANY(?::text[])) AS fs,
                       (cardinality(?::text[]) = 0 OR lower(v.colour_name) = ANY(?::text[])) AS fc,
                       ((?::bigint IS NULL OR COALESCE(v.sale_price_minor, v.price_minor) >= ?::bigint)
                        AND (?::bigint IS NULL OR COALESCE(v.sale_price_minor, v.price_minor) <= ?::bigint)) AS fp,
                       (NOT ?::boolean OR COALESCE(a.available, 0) > 0) AS fi
                FROM q, product p
                JOIN brand b ON b.id = p.brand_id
                JOIN category c ON c.id = p.category_id
                JOIN variant v ON v.product_id = p.id
                LEFT JOIN avail a ON a.variant_id = v.id
                WHERE (?::text IS NULL OR c.path = ?::text OR c.path LIKE ?::text || '/%')
                  AND (q.query IS NULL OR p.search_vector @@ q.query))
            """;

    private static final String FACETS =
            CANDIDATES
                    + """
            SELECT 'brand', brand_slug, brand_name, COUNT(DISTINCT product_id), 0 FROM cand
                WHERE fs AND fc AND fp AND fi GROUP BY brand_slug, brand_name
            UNION ALL SELECT 'size', size_label, size_label, COUNT(DISTINCT product_id), MIN(size_position) FROM cand
                WHERE fb AND fc AND fp AND fi GROUP BY size_label
            UNION ALL SELECT 'colour', lower(colour_name), MIN(colour_name), COUNT(DISTINCT product_id), 0 FROM cand
                WHERE fb AND fs AND fp AND fi GROUP BY lower(colour_name)
            UNION ALL SELECT 'total', NULL, NULL, COUNT(DISTINCT product_id), 0 FROM cand
                WHERE fb AND fs AND fc AND fp AND fi
            UNION ALL SELECT 'inStock', NULL, NULL, COUNT(DISTINCT product_id), 0 FROM cand
                WHERE fb AND fs AND fc AND fp AND available > 0
            UNION ALL SELECT 'price', NULL, NULL, MIN(eff_price), MAX(eff_price) FROM cand
                WHERE fb AND fs AND fc AND fi
            """;

    private static final String PAGE =
            CANDIDATES
                    + """
            , hits AS (
                SELECT product_id, MIN(eff_price) AS price_from, MAX(rank) AS rank, BOOL_OR(available > 0) AS in_stock
                FROM cand WHERE fb AND fs AND fc AND fp AND fi GROUP BY product_id)
            SELECT p.id, p.slug, p.name, b.name, h.price_from, h.in_stock,
                   (SELECT MIN(v.price_minor) FROM variant v WHERE v.product_id = p.id
                        AND COALESCE(v.sale_price_minor, v.price_minor) = h.price_from) AS regular_price,
                   (SELECT MIN(v.currency) FROM variant v WHERE v.product_id = p.id) AS currency
            FROM hits h JOIN product p ON p.id = h.product_id JOIN brand b ON b.id = p.brand_id
            ORDER BY {order}
            LIMIT ? OFFSET ?
            """;

    private static final String VARIANTS_OF_PAGE =
            """
            SELECT v.product_id, v.colour_name, v.colour_hex, v.size_label, v.size_position
            FROM variant v WHERE v.product_id = ANY(?::bigint[])
            ORDER BY v.product_id, v.colour_name, v.size_position
            """;

    private static final String IMAGES_OF_PAGE =
            """
            SELECT DISTINCT ON (i.product_id) i.product_id, i.id
            FROM product_image i WHERE i.product_id = ANY(?::bigint[])
            ORDER BY i.product_id, (lower(i.colour_name) = ANY(?::text[])) DESC, i.colour_name, i.position
            """;

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    private SearchWords searchWords;

    protected ProductSearch() {}

    @jakarta.inject.Inject
    public ProductSearch(SearchWords searchWords) {
        this.searchWords = searchWords;
    }

    public SearchResult search(ProductQuery query) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> typed = SearchText.words(query.text());
            List<String> words = searchWords.correct(connection, typed);
            String tsquery = SearchText.prefixQuery(words);
            String corrected = words.equals(typed) ? null : String.join(" ", words);

            Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
            long total = 0;
            long inStock = 0;
            Long priceMin = null;
            Long priceMax = null;
            try (PreparedStatement st = connection.prepareStatement(FACETS)) {
                bindCandidates(connection, st, query, tsquery);
                try (ResultSet rs = st.executeQuery()) {
                    List<Object[]> sizeRows = new ArrayList<>();
                    while (rs.next()) {
                        String kind = rs.getString(1);
                        switch (kind) {
                            case "total" -> total = rs.getLong(4);
                            case "inStock" -> inStock = rs.getLong(4);
                            case "price" -> {
                                priceMin = (Long) rs.getObject(4, Long.class);
                                priceMax = rs.getObject(5) == null ? null : rs.getLong(5);
                            }
                            case "size" ->
                                    sizeRows.add(
                                            new Object[] {
                                                facet(rs, query.sizes().contains(rs.getString(2))),
                                                rs.getInt(5)
                                            });
                            case "brand" ->
                                    facets.computeIfAbsent(kind, k -> new ArrayList<>())
                                            .add(
                                                    facet(
                                                            rs,
                                                            query.brands()
                                                                    .contains(rs.getString(2))));
                            default ->
                                    facets.computeIfAbsent(kind, k -> new ArrayList<>())
                                            .add(
                                                    facet(
                                                            rs,
                                                            lowerCase(query.colours())
                                                                    .contains(rs.getString(2))));
                        }
                    }
                    // Letter sizes (XS..XXL) before waist sizes (28..38), each run in its own
                    // order.
                    sizeRows.sort(
                            java.util.Comparator.comparing(
                                            (Object[] r) ->
                                                    ((FacetCount) r[0]).value().matches("\\d+"))
                                    .thenComparingInt(r -> (int) r[1]));
                    facets.put("size", sizeRows.stream().map(r -> (FacetCount) r[0]).toList());
                }
            }
            List<FacetCount> brands = new ArrayList<>(facets.getOrDefault("brand", List.of()));
            brands.sort((a, b) -> a.label().compareToIgnoreCase(b.label()));
            List<FacetCount> colours = new ArrayList<>(facets.getOrDefault("colour", List.of()));
            colours.sort((a, b) -> a.label().compareToIgnoreCase(b.label()));

            List<ProductCard> items = total == 0 ? List.of() : page(connection, query, tsquery);
            return new SearchResult(
                    items,
                    total,
                    brands,
                    facets.getOrDefault("size", List.of()),
                    colours,
                    inStock,
                    priceMin,
                    priceMax,
                    corrected);
        } catch (SQLException e) {
            throw new IllegalStateException("Catalogue search failed", e);
        }
    }

    private List<ProductCard> page(Connection connection, ProductQuery query, String tsquery)
            throws SQLException {
        String order =
                switch (query.sort()) {
                    case RELEVANCE -> "h.rank DESC, p.created_at DESC, p.id";
                    case NEWEST -> "p.created_at DESC, p.id";
                    case PRICE_ASC -> "h.price_from ASC, p.id";
                    case PRICE_DESC -> "h.price_from DESC, p.id";
                };
        record Row(
                long id,
                String slug,
                String name,
                String brand,
                long priceFrom,
                boolean inStock,
                long regular,
                String currency) {}
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(PAGE.replace("{order}", order))) {
            int next = bindCandidates(connection, st, query, tsquery);
            st.setInt(next++, query.pageSize());
            st.setLong(next, (long) (query.page() - 1) * query.pageSize());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(
                            new Row(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getLong(5),
                                    rs.getBoolean(6),
                                    rs.getLong(7),
                                    rs.getString(8)));
                }
            }
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, Set<Swatch>> swatches = new LinkedHashMap<>();
        Map<Long, Map<String, Integer>> sizes = new LinkedHashMap<>();
        try (PreparedStatement st = connection.prepareStatement(VARIANTS_OF_PAGE)) {
            st.setArray(1, connection.createArrayOf("bigint", ids));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    swatches.computeIfAbsent(id, k -> new LinkedHashSet<>())
                            .add(new Swatch(rs.getString(2), rs.getString(3)));
                    sizes.computeIfAbsent(id, k -> new LinkedHashMap<>())
                            .putIfAbsent(rs.getString(4), rs.getInt(5));
                }
            }
        }
        Map<Long, Long> images = new LinkedHashMap<>();
        try (PreparedStatement st = connection.prepareStatement(IMAGES_OF_PAGE)) {
            st.setArray(1, connection.createArrayOf("bigint", ids));
            st.setArray(2, connection.createArrayOf("text", lowerCase(query.colours()).toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    images.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return rows.stream()
                .map(
                        r ->
                                new ProductCard(
                                        r.slug(),
                                        r.name(),
                                        r.brand(),
                                        r.regular(),
                                        r.regular() > r.priceFrom() ? r.priceFrom() : null,
                                        r.currency(),
                                        images.get(r.id()),
                                        List.copyOf(swatches.getOrDefault(r.id(), Set.of())),
                                        sizes.getOrDefault(r.id(), Map.of()).entrySet().stream()
                                                .sorted(Map.Entry.comparingByValue())
                                                .map(Map.Entry::getKey)
                                                .toList(),
                                        r.inStock()))
                .toList();
    }

    /** Binds the parameters of {@link #CANDIDATES} in order; returns the next free index. */
    private static int bindCandidates(
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
            st.setObject(i++, bound, java.sql.Types.BIGINT);
            st.setObject(i++, bound, java.sql.Types.BIGINT);
        }
        st.setBoolean(i++, query.inStockOnly());
        String path = query.categoryPath();
        st.setString(i++, path);
        st.setString(i++, path);
        st.setString(i++, path == null ? null : escapeLike(path));
        return i;
    }

    private static FacetCount facet(ResultSet rs, boolean selected) throws SQLException {
        return new FacetCount(rs.getString(2), rs.getString(3), rs.getLong(4), selected);
    }

    private static Set<String> lowerCase(Set<String> values) {
        Set<String> lower = new LinkedHashSet<>();
        values.forEach(v -> lower.add(v.toLowerCase(java.util.Locale.ROOT)));
        return lower;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
