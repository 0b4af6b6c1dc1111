package dev.selvedge.catalog;

import dev.selvedge.shared.NotifiedLoop;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Advances the {@link CatalogueGeneration} when the database records a catalogue change. The
 * triggers' NOTIFY wakes it at commit; it also looks every half second in case one was missed. It
 * takes the rows it saw away, so each change counts once (one server reads them).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class CatalogueChangeWatch {

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    // A thread of its own: the loop runs for the life of the application.
    @Resource private ManagedThreadFactory threads;

    @Inject private CatalogueGeneration generation;

    private NotifiedLoop loop;

    @PostConstruct
    void start() {
        loop =
                new NotifiedLoop(
                        "catalogue-change-watch",
                        dataSource,
                        "catalogue_change",
                        500,
                        listening -> {
                            if (takeChanges(listening) > 0) {
                                generation.advance();
                            }
                        },
                        // Whatever was kept may be out of date by now.
                        generation::advance);
        loop.start(threads);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    private static long takeChanges(Connection c) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "WITH taken AS (DELETE FROM catalogue_change RETURNING 1) SELECT count(*) FROM taken")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
