package dev.selvedge.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaxRulesTest {

    @Test
    void clothingUpToRs2500IsAt5PercentDearerPiecesAt18() {
        TaxRules rules = TaxRules.parse("*:0-2500:5,*:2500-:18");
        assertThat(rules.ratePercent("men/topwear/shirts", 2_499_00)).isEqualTo(5);
        assertThat(rules.ratePercent("men/topwear/shirts", 2_500_00)).isEqualTo(18);
    }

    @Test
    void theMostSpecificCategoryWins() {
        TaxRules rules = TaxRules.parse("*:0-2500:5,*:2500-:18,women/footwear:0-:12");
        assertThat(rules.ratePercent("women/footwear/sandals", 4_000_00)).isEqualTo(12);
        assertThat(rules.ratePercent("women/footwearx", 4_000_00)).isEqualTo(18);
    }

    @Test
    void taxIsWorkedOutOfInclusivePrices() {
        // Rs 1,050 including 5 % GST holds Rs 50 of tax; Rs 1,180 including 18 % holds Rs 180.
        assertThat(TaxRules.includedTax(1_050_00, 5)).isEqualTo(50_00);
        assertThat(TaxRules.includedTax(1_180_00, 18)).isEqualTo(180_00);
        assertThat(TaxRules.includedTax(99_99, 5)).isEqualTo(4_76);
    }

    @Test
    void aBrokenRuleIsRefusedWithAnExample() {
        assertThatThrownBy(() -> TaxRules.parse("*:5"))
                .hasMessageContaining("category:from-to:rate");
    }
}
