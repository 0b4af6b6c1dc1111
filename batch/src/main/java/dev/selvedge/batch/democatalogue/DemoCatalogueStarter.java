package dev.selvedge.batch.democatalogue;

import dev.selvedge.catalog.demo.DemoCatalogue;
import dev.selvedge.catalog.demo.DemoSeeding;
import jakarta.annotation.PostConstruct;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In demo mode ({@code selvedge.demo.mode=true}), starts the {@value #JOB} job when the catalogue
 * is not complete yet. The job skips what exists, so a restart in the middle finishes the work.
 */
@Singleton
@Startup
@DependsOn("selvedge-ejb.jar#SchemaMigration")
public class DemoCatalogueStarter {

    static final String JOB = "demo-catalogue";
    private static final Logger LOG = Logger.getLogger(DemoCatalogueStarter.class.getName());

    @Inject
    @ConfigProperty(name = "selvedge.demo.mode", defaultValue = "false")
    private boolean demoMode;

    @Inject private DemoSeeding seeding;

    @PostConstruct
    void startIfNeeded() {
        if (!demoMode || seeding.productCount() >= DemoCatalogue.PRODUCTS) {
            return;
        }
        // No check for a running execution: this runs once per deployment, so an execution the
        // job repository still calls "started" died with the previous deployment. The job skips
        // what exists, so starting it again finishes that work.
        JobOperator jobs = BatchRuntime.getJobOperator();
        long execution = jobs.start(JOB, new Properties());
        LOG.info(() -> "Seeding the demo catalogue, job execution " + execution);
    }
}
