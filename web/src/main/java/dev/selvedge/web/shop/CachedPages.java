package dev.selvedge.web.shop;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.selvedge.web.api.LiveStock;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rendered browsing pages {@link PageCache} keeps, by address: at most {@code max-megabytes}
 * (least used dropped first), none older than {@code max-age-ms}. A stock change of a SKU that a
 * kept page shows drops that page as soon as the change reaches this server.
 */
@ApplicationScoped
public class CachedPages {

    @Inject
    @ConfigProperty(name = "selvedge.page-cache.enabled", defaultValue = "true")
    boolean enabled;

    /** Served as it is for this long after rendering. */
    @Inject
    @ConfigProperty(name = "selvedge.page-cache.fresh-ms", defaultValue = "1000")
    long freshMillis;

    /**
     * Older than fresh but younger than this, it is still served while one request renders it
     * again; never older.
     */
    @Inject
    @ConfigProperty(name = "selvedge.page-cache.max-age-ms", defaultValue = "3000")
    long maxAgeMillis;

    @Inject
    @ConfigProperty(name = "selvedge.page-cache.max-megabytes", defaultValue = "64")
    long maxMegabytes;

    private Cache<String, CachedPage> pages;
    private final Map<String, Set<String>> addressesBySku = new ConcurrentHashMap<>();
    // When each SKU last changed (System.nanoTime), so that a page rendered while its stock
    // changed is not kept: one entry per SKU that changed since the start.
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        pages =
                Caffeine.newBuilder()
                        .maximumWeight(maxMegabytes * 1024 * 1024)
                        .weigher((String address, CachedPage page) -> page.weight())
                        .expireAfterWrite(Duration.ofMillis(maxAgeMillis))
                        .executor(Runnable::run)
                        .removalListener(this::forget)
                        .build();
    }

    boolean enabled() {
        return enabled;
    }

    long freshNanos() {
        return freshMillis * 1_000_000;
    }

    long maxAgeNanos() {
        return maxAgeMillis * 1_000_000;
    }

    CachedPage get(String address) {
        return pages.getIfPresent(address);
    }

    /** Keeps a page rendered since {@code renderStart}, unless a SKU it shows changed since. */
    void put(String address, CachedPage page, long renderStart) {
        for (String sku : page.skus()) {
            Long changed = changedAt.get(sku);
            if (changed != null && changed - renderStart >= 0) {
                pages.invalidate(address);
                return;
            }
        }
        for (String sku : page.skus()) {
            addressesBySku.computeIfAbsent(sku, s -> ConcurrentHashMap.newKeySet()).add(address);
        }
        pages.put(address, page);
    }

    void drop(String address) {
        pages.invalidate(address);
    }

    /** Every page dropped: after a change that many pages show (prices, the catalogue). */
    public void clear() {
        pages.invalidateAll();
    }

    /** A SKU's stock changed: the pages that show it are made again at their next view. */
    void stockChanged(@Observes LiveStock.Figure change) {
        changedAt.put(change.sku(), System.nanoTime());
        Set<String> addresses = addressesBySku.remove(change.sku());
        if (addresses != null) {
            pages.invalidateAll(addresses);
        }
    }

    private void forget(String address, CachedPage page, RemovalCause cause) {
        if (page == null || cause == RemovalCause.REPLACED) {
            return;
        }
        for (String sku : page.skus()) {
            addressesBySku.computeIfPresent(
                    sku,
                    (s, addresses) -> {
                        addresses.remove(address);
                        return addresses.isEmpty() ? null : addresses;
                    });
        }
    }
}
