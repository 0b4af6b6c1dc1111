package dev.selvedge.shared;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * A thread of its own that does some work whenever PostgreSQL sends a NOTIFY on a channel (at
 * commit of the transaction that sent it), and at least every {@code waitMillis} in case one was
 * missed. It listens on a pooled connection it keeps, starts over after a failure, and stops with
 * the application.
 */
public final class NotifiedLoop {

    /** The work, given the listening connection (autocommit; it may read and write with it). */
    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws Exception;
    }

    private final String name;
    private final DataSource dataSource;
    private final String channel;
    private final long waitMillis;
    private final Work work;
    private final Runnable afterFailure;
    private final Logger log;
    private volatile boolean running = true;
    private Thread thread;

    /** {@code afterFailure} runs when the loop failed, before it starts over in 2 s. */
    public NotifiedLoop(
            String name,
            DataSource dataSource,
            String channel,
            long waitMillis,
            Work work,
            Runnable afterFailure) {
        this.name = name;
        this.dataSource = dataSource;
        this.channel = channel;
        this.waitMillis = waitMillis;
        this.work = work;
        this.afterFailure = afterFailure;
        this.log = Logger.getLogger(NotifiedLoop.class.getName() + "." + name);
    }

    public void start(ManagedThreadFactory threads) {
        thread = threads.newThread(this::run);
        thread.setName(name);
        thread.start();
    }

    public void stop() {
        running = false;
        thread.interrupt();
    }

    private void run() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try {
                    listen(c);
                } finally {
                    unlisten(c);
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                afterFailure.run();
                log.log(Level.WARNING, name + " failed; retrying in 2 s", e);
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void listen(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + channel);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
            work.run(c);
            pg.getNotifications((int) waitMillis);
        }
    }

    /** The connection goes back to the pool: it must not keep listening (nor collecting). */
    private void unlisten(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("UNLISTEN *");
            c.unwrap(PGConnection.class).getNotifications();
        } catch (Exception e) {
            log.log(Level.FINE, "Could not stop listening; the pool checks the connection", e);
        }
    }
}
