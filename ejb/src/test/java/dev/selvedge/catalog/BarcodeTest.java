package dev.selvedge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BarcodeTest {

    @Test
    void computesTheEan13CheckDigit() {
        // A published EAN-13: 4006381333931.
        assertThat(Barcode.fromTwelveDigits("400638133393").value()).isEqualTo("4006381333931");
        assertThat(Barcode.fromTwelveDigits("890000000000").value()).isEqualTo("8900000000005");
    }

    @Test
    void refusesAWrongCheckDigitOrLength() {
        assertThatThrownBy(() -> new Barcode("4006381333932")).hasMessageContaining("check digit");
        assertThatThrownBy(() -> new Barcode("12345")).hasMessageContaining("13 digits");
    }
}
