package dev.selvedge.inventory;

import dev.selvedge.shared.NotifiedLoop;
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
import javax.sql.DataSource;

/**
 * Moves stock changes from the outbox to JMS as soon as they commit. The database sends a NOTIFY
 * with every change; this listens on a connection of its own and publishes what waits, in batches,
 * whenever it is woken, and at least once a second in case a notification was missed. Under load it
 * gathers changes for 20 ms between batches: a profile of the till door had the relay at a third of
 * the JVM's work, mostly committing a two-phase transaction for every two or three changes.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class StockOutboxRelay {

    private static final int BATCH = 500;
    private static final long GATHER_MILLIS = 20;

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    // A thread of its own: the loop runs for the life of the application.
    @Resource private ManagedThreadFactory threads;

    @EJB private StockChangePublisher publisher;

    private NotifiedLoop loop;

    @PostConstruct
    void start() {
        loop =
                new NotifiedLoop(
                        "stock-outbox-relay",
                        dataSource,
                        "stock_outbox",
                        1000,
                        listening -> {
                            int sent;
                            do {
                                sent = publisher.publishWaiting(BATCH);
                            } while (sent == BATCH); // A backlog: keep going until it is gone.
                            if (sent > 0) {
                                // Busy: let the next changes gather for a moment, so that one
                                // transaction (with its two-phase commit) carries many of them.
                                // The first change after a quiet spell goes at once.
                                Thread.sleep(GATHER_MILLIS);
                            }
                        },
                        () -> {});
        loop.start(threads);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }
}
