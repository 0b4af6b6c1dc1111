package dev.selvedge.inventory;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Moves stock changes from the outbox to JMS as soon as they commit. The database sends a NOTIFY
 * with every change; this listens on a connection of its own and publishes what waits, in batches,
 * whenever it is woken, and at least once a second in case a notification was missed.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class StockOutboxRelay {

    private static final Logger LOG = Logger.getLogger(StockOutboxRelay.class.getName());
    private static final int BATCH = 500;

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    // A thread of its own: the loop runs for the life of the application.
    @Resource private ManagedThreadFactory threads;

    @EJB private StockChangePublisher publisher;

    private volatile boolean running = true;
    private Thread loop;

    @PostConstruct
    void start() {
        loop = threads.newThread(this::run);
        loop.setName("stock-outbox-relay");
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
                    st.execute("LISTEN stock_outbox");
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    while (publisher.publishWaiting(BATCH) == BATCH) {
                        // A backlog: keep going until it is gone.
                    }
                    pg.getNotifications(1000);
                }
                try (Statement st = c.createStatement()) {
                    // The connection goes back to the pool: it must not keep listening.
                    st.execute("UNLISTEN *");
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "Stock change relay failed; retrying in 2 s", e);
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
