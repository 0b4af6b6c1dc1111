package dev.selvedge.inventory;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit for till events sent one per request. Each request hands its event in and waits for
 * its answer; four workers apply what waits, up to 50 events (and about 500 lines) at a time, in
 * one transaction each, as a batch ({@link PosEventService#applyAll(List)}). Under load that turns
 * 16 or 64 concurrent transactions, which queue on each other's SKU locks and each pay for a
 * commit, into four that carry many events each (2, 4 and 6 workers measured; 4 did best), on which
 * the door's throughput rests (docs/benchmarks.md). Alone, an event waits for no one (a worker
 * takes it at once). A refused event is answered as such and does not affect the others; if the
 * database fails on a group, its events are applied one by one.
 */
@ApplicationScoped
public class PosEventGroups {

    private static final Logger LOG = Logger.getLogger(PosEventGroups.class.getName());

    private static final int WORKERS = 4;
    private static final int MAX_EVENTS = 50;
    private static final int MAX_LINES = 500;
    // What a request waits for its group before it answers 503 (the event may still be applied:
    // the till sends it again and gets the first answer).
    private static final long WAIT_SECONDS = 30;

    @EJB private PosEventService events;

    @Resource private ManagedThreadFactory threads;

    // Bounded by the request threads that wait on it; the bound is only a guard.
    private final BlockingQueue<Job> waiting = new LinkedBlockingQueue<>(10_000);
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    private record Job(
            PosEventService.Sent sent, CompletableFuture<PosEventService.Outcome> done) {}

    /** The door is busy beyond its guard, or the event's group took too long: try again. */
    public static class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }

    // PosEventService.applyAll, or a stand-in in unit tests.
    private Function<List<PosEventService.Sent>, List<PosEventService.Outcome>> applier;

    public PosEventGroups() {}

    PosEventGroups(Function<List<PosEventService.Sent>, List<PosEventService.Outcome>> applier) {
        this.applier = applier;
    }

    @PostConstruct
    void start() {
        start(threads);
    }

    void start(ThreadFactory factory) {
        if (applier == null) {
            applier = events::applyAll;
        }
        for (int i = 0; i < WORKERS; i++) {
            Thread worker = factory.newThread(this::work);
            worker.setName("pos-event-group-" + i);
            workers.add(worker);
            worker.start();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
        // Nobody takes these any more: their tills hear at once that they should send them again.
        List<Job> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(job -> job.done().completeExceptionally(new Busy("The shop is stopping")));
    }

    /** The event's outcome once its group has committed. */
    public PosEventService.Outcome apply(PosTerminal terminal, PosEvent event) {
        Objects.requireNonNull(event, "event");
        Job job = new Job(new PosEventService.Sent(terminal, event), new CompletableFuture<>());
        if (!running || !waiting.offer(job)) {
            throw new Busy("Too many till events are waiting; send it again shortly");
        }
        try {
            return job.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new Busy("The event was not applied in time; send it again (same eventId)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("Interrupted while applying the event; send it again (same eventId)");
        }
    }

    private void work() {
        List<Job> group = new ArrayList<>();
        while (running) {
            try {
                group.add(waiting.take());
                int lines = lines(group.get(0));
                Job next;
                while (group.size() < MAX_EVENTS
                        && lines < MAX_LINES
                        && (next = waiting.poll()) != null) {
                    group.add(next);
                    lines += lines(next);
                }
                apply(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // A worker never dies of one group.
                LOG.log(Level.SEVERE, "POS event group worker", e);
            } finally {
                // Whatever happened, no request is left waiting for an answer that cannot come
                // (completing an answered one again changes nothing).
                for (Job job : group) {
                    job.done()
                            .completeExceptionally(
                                    new Busy("The event could not be applied now; send it again"));
                }
                group.clear();
            }
        }
    }

    /** Events handed in and not yet taken by a worker. */
    int queued() {
        return waiting.size();
    }

    private static int lines(Job job) {
        List<PosEvent.Line> lines = job.sent().event().lines();
        return lines == null ? 1 : lines.size();
    }

    private void apply(List<Job> group) {
        try {
            List<PosEventService.Outcome> outcomes =
                    applier.apply(group.stream().map(Job::sent).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).done().complete(outcomes.get(i));
            }
            return;
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).done().completeExceptionally(e);
                return;
            }
            LOG.log(
                    Level.WARNING,
                    "A group of " + group.size() + " till events failed; applying them one by one",
                    e);
        }
        for (Job job : group) {
            try {
                job.done().complete(applier.apply(List.of(job.sent())).get(0));
            } catch (RuntimeException e) {
                job.done().completeExceptionally(e);
            }
        }
    }
}
