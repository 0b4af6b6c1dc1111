package dev.selvedge.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** An EAN-13 barcode, validated by its check digit. */
@Embeddable
public class Barcode implements Serializable {

    @Column(name = "barcode")
    private String value;

    protected Barcode() {}

    public Barcode(String value) {
        if (value == null || !value.matches("[0-9]{13}")) {
            throw new IllegalArgumentException("An EAN-13 barcode has 13 digits: " + value);
        }
        if (checkDigit(value.substring(0, 12)) != value.charAt(12) - '0') {
            throw new IllegalArgumentException("Wrong EAN-13 check digit: " + value);
        }
        this.value = value;
    }

    /** Builds a valid EAN-13 from its first twelve digits. */
    public static Barcode fromTwelveDigits(String twelve) {
        if (twelve == null || !twelve.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("Twelve digits expected: " + twelve);
        }
        return new Barcode(twelve + checkDigit(twelve));
    }

    static int checkDigit(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = twelve.charAt(i) - '0';
            sum += (i % 2 == 0) ? digit : digit * 3;
        }
        return (10 - sum % 10) % 10;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Barcode b && b.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
