package dev.selvedge.catalog;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

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

    private static final Logger LOG = Logger.getLogger(CatalogueChangeWatch.class.getName());

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    // A thread of its own: the loop runs for the life of the application.
    @Resource private ManagedThreadFactory threads;

    @Inject private CatalogueGeneration generation;

    private volatile boolean running = true;
    private Thread loop;

    @PostConstruct
    void start() {
        loop = threads.newThread(this::run);
        loop.setName("catalogue-change-watch");
        loop.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        loop.interrupt();
    }

    private void run() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN catalogue_change");
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    if (takeChanges(c) > 0) {
                        generation.advance();
                    }
                    pg.getNotifications(500);
                }
                try (Statement st = c.createStatement()) {
                    // The connection goes back to the pool: it must not keep listening.
                    st.execute("UNLISTEN *");
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                // Whatever was kept may be out of date by now.
                generation.advance();
                LOG.log(Level.WARNING, "Catalogue change watch failed; retrying in 2 s", e);
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
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
