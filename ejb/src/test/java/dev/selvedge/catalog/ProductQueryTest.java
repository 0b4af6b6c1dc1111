package dev.selvedge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductQueryTest {

    private static ProductQuery query(String text, Long min, Long max, int page, int pageSize) {
        return new ProductQuery(
                text, null, Set.of(), Set.of(), Set.of(), min, max, false, null, page, pageSize);
    }

    @Test
    void sortsByRelevanceWhenSearchingAndByNewestWhenBrowsing() {
        assertThat(query("shirt", null, null, 1, 24).sort()).isEqualTo(ProductQuery.Sort.RELEVANCE);
        assertThat(query(" ", null, null, 1, 24).sort()).isEqualTo(ProductQuery.Sort.NEWEST);
    }

    @Test
    void refusesPagesAndPriceBandsThatCannotBe() {
        assertThatThrownBy(() -> query("", null, null, 0, 24)).hasMessageContaining("page");
        assertThatThrownBy(() -> query("", null, null, 1, 101)).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> query("", 500L, 100L, 1, 24)).hasMessageContaining("minPrice");
        assertThatThrownBy(() -> query("", -1L, null, 1, 24)).hasMessageContaining("negative");
    }
}
