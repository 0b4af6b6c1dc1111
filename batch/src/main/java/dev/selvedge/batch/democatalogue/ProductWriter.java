package dev.selvedge.batch.democatalogue;

import dev.selvedge.catalog.demo.DemoCatalogue.ProductSpec;
import dev.selvedge.catalog.demo.DemoSeeding;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Writes a chunk of demo products in the chunk's transaction. */
@Named
@Dependent
public class ProductWriter extends AbstractItemWriter {

    @Inject private DemoSeeding seeding;

    @Override
    public void writeItems(List<Object> items) {
        seeding.writeProducts(items.stream().map(ProductSpec.class::cast).toList());
    }
}
