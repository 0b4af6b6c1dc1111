package dev.selvedge.batch.democatalogue;

import dev.selvedge.catalog.demo.DemoSeeding;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Brands, categories, locations and size charts: what the products refer to. */
@Named
@Dependent
public class ReferenceDataBatchlet extends AbstractBatchlet {

    @Inject private DemoSeeding seeding;

    @Override
    public String process() {
        seeding.seedReferenceData();
        return "COMPLETED";
    }
}
