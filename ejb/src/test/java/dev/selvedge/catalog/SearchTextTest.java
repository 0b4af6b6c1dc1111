package dev.selvedge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void keepsOnlyLowerCaseLettersAndDigits() {
        assertThat(SearchText.words("Men's DENIM  jeans, 32!"))
                .containsExactly("mens", "denim", "jeans", "32");
        assertThat(SearchText.words("Café")).containsExactly("cafe");
    }

    @Test
    void turnsQuerySyntaxIntoSeparators() {
        assertThat(SearchText.words("shirt' | !denim & <b>x:*"))
                .containsExactly("shirt", "denim", "b", "x");
        assertThat(SearchText.prefixQuery(List.of("blue", "shirt"))).isEqualTo("blue:* & shirt:*");
    }

    @Test
    void limitsTheNumberOfWords() {
        assertThat(SearchText.words("a b c d e f g h i j k")).hasSize(SearchText.MAX_WORDS);
        assertThat(SearchText.words(null)).isEmpty();
    }
}
