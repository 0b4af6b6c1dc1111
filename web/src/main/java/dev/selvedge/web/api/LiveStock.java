package dev.selvedge.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open server-sent event streams per SKU (product pages watching their sizes). Each stock change
 * that reaches this server on {@code jms/stock/changes} goes to the streams that watch its SKU.
 */
@ApplicationScoped
public class LiveStock {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final Map<String, Set<Watcher>> watchers = new ConcurrentHashMap<>();

    @Inject private Event<Figure> changes;

    // The newest change heard of each SKU (its outbox sequence): one entry per SKU that changed.
    private final Map<String, Long> newest = new ConcurrentHashMap<>();

    record Watcher(SseEventSink sink, Sse sse) {}

    /** The figure sent for a SKU: {@code {sku, available}} as event {@code stock}. */
    public record Figure(String sku, int available) {}

    /**
     * Watches the SKUs, then sends their figures as {@code now} reads them once watching, so that
     * no change between the page and its stream goes unseen.
     */
    void watch(
            java.util.Collection<String> skus,
            java.util.function.Function<java.util.Collection<String>, Map<String, Integer>> now,
            SseEventSink sink,
            Sse sse) {
        Watcher watcher = new Watcher(sink, sse);
        for (String sku : skus) {
            watchers.computeIfAbsent(sku, s -> ConcurrentHashMap.newKeySet()).add(watcher);
        }
        now.apply(skus).forEach((sku, available) -> send(watcher, new Figure(sku, available)));
    }

    void send(Watcher watcher, Figure figure) {
        if (watcher.sink().isClosed()) {
            return;
        }
        watcher.sink()
                .send(
                        watcher.sse()
                                .newEventBuilder()
                                .name("stock")
                                .data(String.class, JSONB.toJson(figure))
                                .build())
                .exceptionally(
                        e -> {
                            forget(watcher); // The shopper left the page.
                            return null;
                        });
    }

    /** A SKU's new sellable figure, to every stream that watches it. */
    public void changed(String sku, int available) {
        Figure figure = new Figure(sku, available);
        changes.fire(figure); // Pages kept with the old figure are dropped (shop.CachedPages).
        sendToWatchers(figure);
    }

    /**
     * The same, for a change with its outbox sequence (increasing per SKU in commit order). The
     * broker hands messages to several consumer threads, so an older change of a SKU can come after
     * a newer one: it is dropped, and the kept pages hear each SKU's changes one at a time.
     */
    public void changed(String sku, int available, long sequence) {
        Figure figure = new Figure(sku, available);
        boolean[] older = {false};
        newest.compute(
                sku,
                (s, heard) -> {
                    if (heard != null && heard >= sequence) {
                        older[0] = true;
                        return heard;
                    }
                    changes.fire(figure); // Quick: kept pages' bookkeeping only.
                    return sequence;
                });
        if (!older[0]) {
            sendToWatchers(figure);
        }
    }

    private void sendToWatchers(Figure figure) {
        Set<Watcher> watching = watchers.get(figure.sku());
        if (watching == null) {
            return;
        }
        for (Watcher watcher : watching) {
            if (watcher.sink().isClosed()) {
                forget(watcher);
            } else {
                send(watcher, figure);
            }
        }
    }

    private void forget(Watcher watcher) {
        watchers.values().forEach(set -> set.remove(watcher));
        watchers.values().removeIf(Set::isEmpty);
    }

    int watching() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }
}
