package dev.selvedge.ordering;

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
 * Moves order messages from the outbox to JMS as soon as they commit (woken by the database's
 * NOTIFY, and at least once a second in case one was missed), as the stock relay does for stock.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class OrderOutboxRelay {

    private static final int BATCH = 200;

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    @Resource private ManagedThreadFactory threads;

    @EJB private OrderMessagePublisher publisher;

    private NotifiedLoop loop;

    @PostConstruct
    void start() {
        loop =
                new NotifiedLoop(
                        "order-outbox-relay",
                        dataSource,
                        "order_outbox",
                        1000,
                        listening -> {
                            while (publisher.publishWaiting(BATCH) == BATCH) {
                                // A backlog: keep going until it is gone.
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
