package dev.selvedge.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When failed sign-ins must wait. Counted per email typed (known or not, so that the answer does
 * not tell which) and per client address, over a sliding window: at most {@link #PER_EMAIL}
 * failures per email in {@link #WINDOW} (20 an hour, well under the 100 an hour allowed), and
 * {@link #PER_CLIENT} per address (guessing many accounts from one place).
 */
public final class SignInThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int PER_EMAIL = 5;
    public static final int PER_CLIENT = 50;

    private SignInThrottle() {}

    /**
     * How long to wait before the next attempt, given the failures in the window (oldest first), or
     * empty when an attempt may be made now.
     */
    public static Optional<Duration> wait(
            List<Instant> failuresOfEmail, List<Instant> failuresOfClient, Instant now) {
        Optional<Duration> byEmail = waitFor(failuresOfEmail, PER_EMAIL, now);
        Optional<Duration> byClient = waitFor(failuresOfClient, PER_CLIENT, now);
        if (byEmail.isPresent() && byClient.isPresent()) {
            return Optional.of(
                    byEmail.get().compareTo(byClient.get()) > 0 ? byEmail.get() : byClient.get());
        }
        return byEmail.isPresent() ? byEmail : byClient;
    }

    private static Optional<Duration> waitFor(List<Instant> failures, int limit, Instant now) {
        List<Instant> recent =
                failures.stream().filter(at -> at.isAfter(now.minus(WINDOW))).sorted().toList();
        if (recent.size() < limit) {
            return Optional.empty();
        }
        // The attempt may be made when enough of the recent failures have left the window.
        Instant freed = recent.get(recent.size() - limit).plus(WINDOW);
        return Optional.of(Duration.between(now, freed));
    }
}
