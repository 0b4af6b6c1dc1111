package dev.selvedge.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void readsRupeesAsPaise() {
        assertThat(QueryParams.rupeesAsMinor("minPrice", "1499")).isEqualTo(149_900L);
        assertThat(QueryParams.rupeesAsMinor("minPrice", "1499.5")).isEqualTo(149_950L);
        assertThat(QueryParams.rupeesAsMinor("minPrice", "")).isNull();
    }

    @Test
    void explainsWhatIsWrongWithAPrice() {
        assertThatThrownBy(() -> QueryParams.rupeesAsMinor("minPrice", "abc"))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("minPrice")
                .hasMessageContaining("abc");
        assertThatThrownBy(() -> QueryParams.rupeesAsMinor("maxPrice", "-5"))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> QueryParams.rupeesAsMinor("maxPrice", "1.999"))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void readsBoundedIntegersAndBooleans() {
        assertThat(QueryParams.integer("page", null, 1, 1, 10)).isEqualTo(1);
        assertThat(QueryParams.integer("page", "3", 1, 1, 10)).isEqualTo(3);
        assertThatThrownBy(() -> QueryParams.integer("page", "0", 1, 1, 10))
                .hasMessageContaining("between 1 and 10");
        assertThatThrownBy(() -> QueryParams.integer("page", "x", 1, 1, 10))
                .hasMessageContaining("whole number");
        assertThat(QueryParams.bool("inStock", "true")).isTrue();
        assertThatThrownBy(() -> QueryParams.bool("inStock", "maybe"))
                .isInstanceOf(BadRequestException.class);
    }
}
