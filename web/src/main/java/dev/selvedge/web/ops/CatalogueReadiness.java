package dev.selvedge.web.ops;

import dev.selvedge.catalog.CatalogService;
import dev.selvedge.catalog.demo.DemoCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the schema is migrated and, in demo mode, the demo catalogue is fully seeded. */
@Readiness
@ApplicationScoped
public class CatalogueReadiness implements HealthCheck {

    @Inject private CatalogService catalog;

    @Inject
    @ConfigProperty(name = "selvedge.demo.mode", defaultValue = "false")
    private boolean demoMode;

    @Override
    public HealthCheckResponse call() {
        long products = catalog.productCount();
        boolean ready =
                !demoMode || (products >= DemoCatalogue.PRODUCTS && catalog.searchWordCount() > 0);
        return HealthCheckResponse.named("catalogue")
                .status(ready)
                .withData("products", products)
                .withData("demoMode", demoMode)
                .build();
    }
}
