package dev.selvedge.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How often one caller may do one thing (emails to an address, registrations from a client...):
 * counted in fixed windows, in memory, without a lock (one atomic counter per caller and window).
 * Over the limit, {@link LimitReached} says when the window ends. The counts live as long as the
 * server runs, which is what a single-server shop needs to stop floods.
 */
@ApplicationScoped
public class Budgets {

    private final Cache<String, AtomicInteger> counts =
            Caffeine.newBuilder()
                    .expireAfterWrite(Duration.ofHours(2))
                    .maximumSize(500_000)
                    .build();

    @Inject private Clock clock;

    /**
     * Counts one use of {@code bucket}, or refuses it when {@code limit} are used in the window.
     */
    public void spend(String bucket, int limit, Duration window, String refusal) {
        long now = clock.millis();
        long start = now - now % window.toMillis();
        if (!tryToSpend(bucket, limit, window)) {
            throw new LimitReached(refusal, Duration.ofMillis(start + window.toMillis() - now));
        }
    }

    /** Counts one use of {@code bucket} when fewer than {@code limit} are used in the window. */
    public boolean tryToSpend(String bucket, int limit, Duration window) {
        long now = clock.millis();
        long start = now - now % window.toMillis();
        AtomicInteger used = counts.get(bucket + "@" + start, k -> new AtomicInteger());
        return used.incrementAndGet() <= limit;
    }
}
