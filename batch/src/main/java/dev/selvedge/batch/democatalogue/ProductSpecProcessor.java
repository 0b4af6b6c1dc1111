package dev.selvedge.batch.democatalogue;

import dev.selvedge.catalog.demo.DemoCatalogue;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** Turns a product number into the product it stands for. */
@Named
@Dependent
public class ProductSpecProcessor implements ItemProcessor {

    @Override
    public Object processItem(Object number) {
        return DemoCatalogue.product((Integer) number);
    }
}
