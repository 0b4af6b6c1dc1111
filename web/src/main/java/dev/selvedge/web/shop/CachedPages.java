package dev.selvedge.web.shop;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.selvedge.catalog.CatalogueGeneration;
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
 * The rendered browsing pages {@link PageCache} keeps, by address, at most {@code max-megabytes}
 * (least used dropped first). A page is kept until what it shows changes: a catalogue change (a
 * price, a product, a category, a SKU going out of stock or back in: {@link CatalogueGeneration})
 * puts every kept page out of date, and a stock figure that a product page shows differently now
 * (see {@link ProductPage#shown}) drops that page as soon as the change reaches this server. The
 * ages are only a safety net in case a change message is lost.
 */
@ApplicationScoped
public class CachedPages {

    @Inject
    @ConfigProperty(name = "selvedge.page-cache.enabled", defaultValue = "true")
    boolean enabled;

    /** Served as it is for this long after rendering. */
    @Inject
    @ConfigProperty(name = "selvedge.page-cache.fresh-ms", defaultValue = "300000")
    long freshMillis;

    /**
     * Older than fresh but younger than this, it is still served while one request renders it
     * again; never older.
     */
    @Inject
    @ConfigProperty(name = "selvedge.page-cache.max-age-ms", defaultValue = "600000")
    long maxAgeMillis;

    @Inject
    @ConfigProperty(name = "selvedge.page-cache.max-megabytes", defaultValue = "64")
    long maxMegabytes;

    @Inject private CatalogueGeneration generation;

    private Cache<String, CachedPage> pages;
    private final Map<String, Set<String>> addressesBySku = new ConcurrentHashMap<>();
    // The last stock figure heard of each SKU, as a page shows it, and the catalogue generation it
    // was heard under (a location change moves figures without a message, so older ones are not
    // trusted): one entry per SKU that changed.
    private final Map<String, Heard> lastShown = new ConcurrentHashMap<>();

    private record Heard(int shown, long generation) {}

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

    /** The catalogue generation a page rendered now is rendered under. */
    long generation() {
        return generation.current();
    }

    /** The kept page, unless the catalogue changed since it was rendered. */
    CachedPage get(String address) {
        CachedPage page = pages.getIfPresent(address);
        if (page != null && page.generation() != generation.current()) {
            pages.asMap().remove(address, page);
            return null;
        }
        return page;
    }

    /**
     * Keeps a page, unless the catalogue or a stock figure it shows changed while it was rendered.
     * The page is indexed and put before the figures heard are compared, and a figure is recorded
     * before the pages are compared with it, so a change is never missed in between.
     */
    void put(String address, CachedPage page) {
        if (page.generation() != generation.current()) {
            pages.invalidate(address);
            return;
        }
        index(address, page);
        pages.put(address, page);
        // Again: the removal of an older page at this address may have taken the entries away in
        // between (see forget).
        index(address, page);
        for (Map.Entry<String, Integer> figure : page.shown().entrySet()) {
            Heard heard = lastShown.get(figure.getKey());
            if (heard != null
                    && heard.generation() == page.generation()
                    && heard.shown() != figure.getValue()) {
                pages.asMap().remove(address, page);
                return;
            }
        }
    }

    private void index(String address, CachedPage page) {
        for (String sku : page.shown().keySet()) {
            addressesBySku.computeIfAbsent(sku, s -> ConcurrentHashMap.newKeySet()).add(address);
        }
    }

    void drop(String address) {
        pages.invalidate(address);
    }

    /** Every page dropped. */
    public void clear() {
        pages.invalidateAll();
    }

    /** A SKU's stock changed: the pages that now show it differently are made again. */
    void stockChanged(@Observes LiveStock.Figure change) {
        int shown = ProductPage.shown(change.available());
        lastShown.put(change.sku(), new Heard(shown, generation.current()));
        Set<String> addresses = addressesBySku.get(change.sku());
        if (addresses == null) {
            return;
        }
        for (String address : addresses) {
            CachedPage page = pages.getIfPresent(address);
            if (page != null && !Integer.valueOf(shown).equals(page.shown().get(change.sku()))) {
                pages.asMap().remove(address, page);
            }
        }
    }

    private void forget(String address, CachedPage page, RemovalCause cause) {
        if (page == null || cause == RemovalCause.REPLACED) {
            return;
        }
        CachedPage newer = pages.asMap().get(address);
        for (String sku : page.shown().keySet()) {
            if (newer != null && newer.shown().containsKey(sku)) {
                continue; // A newer page at this address shows it too: keep its entry.
            }
            addressesBySku.computeIfPresent(
                    sku,
                    (s, addresses) -> {
                        addresses.remove(address);
                        return addresses.isEmpty() ? null : addresses;
                    });
        }
    }
}
