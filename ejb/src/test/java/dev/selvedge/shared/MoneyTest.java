package dev.selvedge.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsRupeesAsPaiseExactly() {
        Money price = Money.of(new BigDecimal("1499.50"), "INR");
        assertThat(price.minorUnits()).isEqualTo(149_950);
        assertThat(price.amount()).isEqualByComparingTo("1499.50");
        assertThat(price).hasToString("INR 1499.50");
    }

    @Test
    void refusesFractionsSmallerThanThePaisa() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("10.005"), "INR"))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesNegativeAmountsAndUnknownCurrencies() {
        assertThatThrownBy(() -> new Money(-1, "INR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, "XYZ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparesOnlyWithinOneCurrency() {
        assertThat(Money.inr(10).compareTo(Money.inr(9))).isPositive();
        assertThatThrownBy(() -> Money.inr(10).compareTo(new Money(1000, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
