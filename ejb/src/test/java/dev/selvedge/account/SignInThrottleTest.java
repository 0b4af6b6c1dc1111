package dev.selvedge.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static List<Instant> failures(int count, Duration apart, Instant last) {
        List<Instant> at = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            at.add(last.minus(apart.multipliedBy(i)));
        }
        return at;
    }

    @Test
    void fourFailuresStillAllowAnAttemptTheFifthMakesTheNextWait() {
        assertThat(SignInThrottle.wait(failures(4, Duration.ofSeconds(10), NOW), List.of(), NOW))
                .isEmpty();
        // Five failures, the first 40 s ago: free again when it leaves the 15-minute window.
        assertThat(SignInThrottle.wait(failures(5, Duration.ofSeconds(10), NOW), List.of(), NOW))
                .contains(Duration.ofMinutes(15).minusSeconds(40));
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        List<Instant> old = failures(20, Duration.ofMinutes(1), NOW.minus(Duration.ofMinutes(16)));
        assertThat(SignInThrottle.wait(old, List.of(), NOW)).isEmpty();
    }

    @Test
    void oneClientGuessingManyAccountsWaitsToo() {
        assertThat(SignInThrottle.wait(List.of(), failures(49, Duration.ofSeconds(1), NOW), NOW))
                .isEmpty();
        assertThat(SignInThrottle.wait(List.of(), failures(50, Duration.ofSeconds(1), NOW), NOW))
                .contains(Duration.ofMinutes(15).minusSeconds(49));
    }

    @Test
    void anAccountNeverSeesMoreThanOneHundredFailuresAnHour() {
        // Try every second for an hour, failing each time an attempt is allowed.
        List<Instant> failed = new ArrayList<>();
        for (Instant t = NOW; t.isBefore(NOW.plus(Duration.ofHours(1))); t = t.plusSeconds(1)) {
            if (SignInThrottle.wait(failed, List.of(), t).isEmpty()) {
                failed.add(t);
            }
        }
        assertThat(failed).hasSizeBetween(20, 25);
    }
}
