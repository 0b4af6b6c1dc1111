package dev.selvedge.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void parserMessagesLoseTheirJavaNames() {
        assertThat(
                        ProblemMappers.withoutJavaNames(
                                "Incorrect position for processing type: interface java.util.List."
                                        + " Received event: START_OBJECT"))
                .isEqualTo(
                        "Incorrect position for processing type: List. Received event: START_OBJECT");
        assertThat(ProblemMappers.withoutJavaNames("Cannot create class dev.selvedge.X$Line"))
                .isEqualTo("Cannot create X$Line");
    }

    @Test
    void longDetailsAreCutAndControlCharactersGo() {
        assertThat(Problem.shorten("a\u0000b")).isEqualTo("a b");
        assertThat(Problem.shorten("x".repeat(5000))).hasSize(303);
    }
}
