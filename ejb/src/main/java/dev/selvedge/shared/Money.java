package dev.selvedge.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount in integer minor units of a currency (paise for INR); never a floating point. */
@Embeddable
public class Money implements Serializable, Comparable<Money> {

    @Column(name = "price_minor")
    private long minorUnits;

    @Column(name = "currency")
    private String currency;

    protected Money() {}

    public Money(long minorUnits, String currency) {
        if (minorUnits < 0) {
            throw new IllegalArgumentException("Money cannot be negative: " + minorUnits);
        }
        this.currency = Currency.getInstance(Objects.requireNonNull(currency)).getCurrencyCode();
        this.minorUnits = minorUnits;
    }

    public static Money of(BigDecimal major, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return new Money(major.movePointRight(digits).longValueExact(), currency);
    }

    public static Money inr(long rupees) {
        return new Money(rupees * 100, "INR");
    }

    public long minorUnits() {
        return minorUnits;
    }

    public String currency() {
        return currency;
    }

    /** The amount in major units (rupees), exact. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(
                minorUnits, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    @Override
    public int compareTo(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "Cannot compare " + currency + " with " + other.currency);
        }
        return Long.compare(minorUnits, other.minorUnits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.minorUnits == minorUnits && m.currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minorUnits, currency);
    }

    @Override
    public String toString() {
        return currency + " " + amount().toPlainString();
    }
}
