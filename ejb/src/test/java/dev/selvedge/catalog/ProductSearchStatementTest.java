package dev.selvedge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductSearchStatementTest {

    private static ProductQuery query(
            String text,
            String category,
            Set<String> brands,
            Set<String> sizes,
            Long min,
            Long max,
            boolean inStock,
            ProductQuery.Sort sort) {
        return new ProductQuery(
                text, category, brands, sizes, Set.of("Navy"), min, max, inStock, sort, 1, 24);
    }

    private static long placeholders(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }

    @Test
    void leavesOutTheFiltersThatAreNotSet() {
        ProductSearch.Statement browse = ProductSearch.statement(ProductQuery.all(1, 24), "");
        assertThat(browse.values()).isEmpty();
        assertThat(browse.sql())
                .doesNotContain("ANY(")
                .doesNotContain("to_tsquery")
                .doesNotContain("path LIKE");
        // Page size and offset are the only parameters left.
        assertThat(placeholders(browse.sql())).isEqualTo(2);
    }

    @Test
    void bindsEveryValueInThePlaceOfItsPlaceholder() {
        ProductQuery q =
                query(
                        "linen shirt",
                        "women/topwear",
                        Set.of("fable"),
                        Set.of("M", "L"),
                        50_000L,
                        300_000L,
                        true,
                        ProductQuery.Sort.RELEVANCE);
        ProductSearch.Statement statement = ProductSearch.statement(q, "linen:* & shirt:*");
        // brand, size, colour, min, max, category path twice, text, text again for the rank.
        assertThat(statement.values()).hasSize(9);
        assertThat(placeholders(statement.sql())).isEqualTo(statement.values().size() + 2);
        assertThat(statement.values().get(5)).isEqualTo("women/topwear");
        assertThat(statement.values().get(8)).isEqualTo("linen:* & shirt:*");
        assertThat(statement.sql()).contains("ts_rank").contains("(v.available_online > 0)");
    }

    @Test
    void escapesLikeWildcardsInCategoryPaths() {
        ProductQuery q =
                query(
                        "",
                        "a_b%",
                        Set.of(),
                        Set.of(),
                        null,
                        null,
                        false,
                        ProductQuery.Sort.PRICE_ASC);
        ProductSearch.Statement statement = ProductSearch.statement(q, "");
        assertThat(statement.values()).containsSubsequence("a_b%", "a\\_b\\%");
        assertThat(statement.sql()).contains("h.price_from ASC");
    }
}
