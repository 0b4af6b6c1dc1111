package dev.selvedge.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that goes up whenever what the shop shows of its catalogue changed (see {@code
 * catalogue_change}): whatever was kept under an older number (search results, rendered pages) is
 * out of date. Reading it costs one volatile read, so the busiest paths ask on every use.
 */
@ApplicationScoped
public class CatalogueGeneration {

    private final AtomicLong generation = new AtomicLong();

    public long current() {
        return generation.get();
    }

    void advance() {
        generation.incrementAndGet();
    }
}
