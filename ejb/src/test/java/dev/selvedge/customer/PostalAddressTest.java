package dev.selvedge.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selvedge.shared.InvalidFields;
import org.junit.jupiter.api.Test;

class PostalAddressTest {

    private static final PostalAddress GOOD =
            new PostalAddress(
                    " Asha Rao ",
                    "12, 4th Cross, Indiranagar",
                    "",
                    "Bengaluru",
                    "Karnataka",
                    "560 038",
                    "in",
                    "+91 98450-12345");

    @Test
    void aGoodAddressIsTidiedUp() {
        PostalAddress a = GOOD.checked();
        assertThat(a.name()).isEqualTo("Asha Rao");
        assertThat(a.line2()).isNull();
        assertThat(a.postalCode()).isEqualTo("560038");
        assertThat(a.country()).isEqualTo("IN");
        assertThat(a.phone()).isEqualTo("+919845012345");
    }

    @Test
    void eachWrongFieldSaysWhat() {
        PostalAddress bad =
                new PostalAddress("", "x", null, "Pune", "Bavaria", "056001", "DE", "12345");
        assertThat(bad.problems())
                .containsOnlyKeys("name", "state", "postalCode", "country", "phone")
                .containsEntry("postalCode", "Enter a 6-digit PIN code, like 560001.");
        assertThatThrownBy(bad::checked)
                .isInstanceOf(InvalidFields.class)
                .satisfies(e -> assertThat(((InvalidFields) e).status()).isEqualTo(400));
        assertThat(
                        new PostalAddress("A", "B", null, "C", "Goa", "40300", "IN", "9845012345")
                                .problems())
                .containsOnlyKeys("postalCode");
    }
}
