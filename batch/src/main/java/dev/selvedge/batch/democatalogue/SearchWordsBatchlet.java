package dev.selvedge.batch.democatalogue;

import dev.selvedge.catalog.demo.DemoSeeding;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Rebuilds the typo-correction dictionary from the seeded products. */
@Named
@Dependent
public class SearchWordsBatchlet extends AbstractBatchlet {

    @Inject private DemoSeeding seeding;

    @Override
    public String process() {
        return "COMPLETED " + seeding.refreshSearchWords() + " words";
    }
}
