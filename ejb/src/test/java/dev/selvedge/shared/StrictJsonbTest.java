package dev.selvedge.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

class StrictJsonbTest {

    public record Line(String sku, Integer quantity) {}

    private final Jsonb jsonb = StrictJsonb.create();

    @Test
    void readsWholeNumbersAndText() {
        Line line = jsonb.fromJson("{\"sku\":\"A-1\",\"quantity\":3}", Line.class);
        assertThat(line).isEqualTo(new Line("A-1", 3));
        assertThat(jsonb.fromJson("{\"quantity\":2.0}", Line.class).quantity()).isEqualTo(2);
        assertThat(jsonb.fromJson("{\"sku\":null,\"quantity\":null}", Line.class))
                .isEqualTo(new Line(null, null));
    }

    @Test
    void refusesFractionsAndNumbersBeyondAnInt() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"quantity\":1.5}", Line.class))
                .isInstanceOf(JsonbException.class);
        assertThatThrownBy(() -> jsonb.fromJson("{\"quantity\":1e10}", Line.class))
                .isInstanceOf(JsonbException.class);
        assertThatThrownBy(() -> jsonb.fromJson("{\"quantity\":\"abc\"}", Line.class))
                .isInstanceOf(JsonbException.class);
    }

    @Test
    void refusesNulInText() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"sku\":\"A\\u0000\"}", Line.class))
                .isInstanceOf(JsonbException.class)
                .hasStackTraceContaining("NUL");
    }

    @Test
    void storableTextHasNoNulAndAnEnd() {
        assertThat(StorableText.of("a\0b", 10)).isEqualTo("a\uFFFDb");
        assertThat(StorableText.of("abcdef", 3)).isEqualTo("abc");
    }
}
