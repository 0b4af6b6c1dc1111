package dev.selvedge.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void foldsAccentsPunctuationAndCase() {
        assertThat(Slugs.of("Banyan & Co Café T-Shirt")).isEqualTo("banyan-co-cafe-t-shirt");
        assertThat(Slugs.of("  Men's  Jeans ")).isEqualTo("mens-jeans");
    }

    @Test
    void refusesTextWithoutLettersOrDigits() {
        assertThatThrownBy(() -> Slugs.of("***")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recognisesSlugs() {
        assertThat(Slugs.isSlug("women-shirts")).isTrue();
        assertThat(Slugs.isSlug("Women shirts")).isFalse();
        assertThat(Slugs.isSlug("a--b")).isFalse();
    }
}
