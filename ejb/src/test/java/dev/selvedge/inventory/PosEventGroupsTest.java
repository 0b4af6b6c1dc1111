package dev.selvedge.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit of till events, with a stand-in for the database. */
class PosEventGroupsTest {

    private static final PosTerminal TILL = new PosTerminal(1, "T1", 1, "BLR-01");

    private final ExecutorService requests = Executors.newCachedThreadPool();
    private PosEventGroups groups;

    @AfterEach
    void stop() {
        if (groups != null) {
            groups.stop();
        }
        requests.shutdownNow();
    }

    private static PosEvent event(String id) {
        return new PosEvent(
                id,
                "BLR-01",
                "T1",
                "2026-12-03T10:00:00+05:30",
                "SALE",
                null,
                List.of(new PosEvent.Line("SKU-1", null, 1, null)));
    }

    private static List<PosEventService.Outcome> applied(List<PosEventService.Sent> group) {
        return group.stream()
                .map(s -> new PosEventService.Outcome(s.event().eventId(), null, null))
                .toList();
    }

    private PosEventGroups start(
            Function<List<PosEventService.Sent>, List<PosEventService.Outcome>> applier) {
        groups = new PosEventGroups(applier);
        groups.start(Thread::new);
        return groups;
    }

    private Future<PosEventService.Outcome> send(String id) {
        return requests.submit(() -> groups.apply(TILL, event(id)));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(until);
            Thread.sleep(5);
        }
    }

    @Test
    void eventsThatWaitWhileTheWorkersAreBusyGoInOneTransactionAndEachGetsItsOwnAnswer()
            throws Exception {
        // Each of the first four groups waits for its own release.
        List<CountDownLatch> releases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            releases.add(new CountDownLatch(1));
        }
        AtomicInteger inside = new AtomicInteger();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        start(
                group -> {
                    sizes.add(group.size());
                    int call = inside.getAndIncrement();
                    if (call < 4) {
                        try {
                            releases.get(call).await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return applied(group);
                });
        List<Future<PosEventService.Outcome>> answers = new ArrayList<>();
        // Four events keep the four workers busy...
        for (int i = 0; i < 4; i++) {
            answers.add(send("busy-" + i));
            int n = i + 1;
            await(() -> inside.get() == n);
        }
        // ...while forty more arrive; then one worker is free and takes them all.
        for (int i = 0; i < 40; i++) {
            answers.add(send("waiting-" + i));
        }
        await(() -> groups.queued() == 40);
        releases.get(0).countDown();
        await(() -> inside.get() == 5);
        releases.forEach(CountDownLatch::countDown);

        for (int i = 0; i < answers.size(); i++) {
            String id = i < 4 ? "busy-" + i : "waiting-" + (i - 4);
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS).eventId()).isEqualTo(id);
        }
        assertThat(sizes).containsExactly(1, 1, 1, 1, 40);
    }

    @Test
    void aGroupTheDatabaseFailsOnIsAppliedOneByOneAndOnlyTheFailingEventFails() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        start(
                group -> {
                    if (inside.incrementAndGet() <= 4) {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    if (group.stream().anyMatch(s -> s.event().eventId().equals("bad"))) {
                        throw new IllegalStateException("the database refused it");
                    }
                    return applied(group);
                });
        for (int i = 0; i < 4; i++) {
            send("busy-" + i);
            int n = i + 1;
            await(() -> inside.get() == n);
        }
        Future<PosEventService.Outcome> good1 = send("good-1");
        await(() -> groups.queued() == 1);
        Future<PosEventService.Outcome> bad = send("bad");
        await(() -> groups.queued() == 2);
        Future<PosEventService.Outcome> good2 = send("good-2");
        await(() -> groups.queued() == 3);
        release.countDown();

        assertThat(good1.get(10, TimeUnit.SECONDS).eventId()).isEqualTo("good-1");
        assertThat(good2.get(10, TimeUnit.SECONDS).eventId()).isEqualTo("good-2");
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                .hasRootCauseMessage("the database refused it");
    }

    @Test
    void aWorkerOutlivesAnErrorAndItsRequestIsAnsweredAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        start(
                group -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new OutOfMemoryError("a stand-in for any Error");
                    }
                    return applied(group);
                });
        assertThatThrownBy(() -> send("first").get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PosEventGroups.Busy.class);
        // All four workers still take events.
        List<Future<PosEventService.Outcome>> later = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            later.add(send("later-" + i));
        }
        for (Future<PosEventService.Outcome> answer : later) {
            assertThat(answer.get(10, TimeUnit.SECONDS).rejected()).isNull();
        }
    }

    @Test
    void stoppingAnswersWhatWaitsAndRefusesWhatComes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        start(
                group -> {
                    inside.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return applied(group);
                });
        for (int i = 0; i < 4; i++) {
            send("busy-" + i);
            int n = i + 1;
            await(() -> inside.get() == n);
        }
        Future<PosEventService.Outcome> waiting = send("waiting");
        await(() -> groups.queued() == 1);
        groups.stop();
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PosEventGroups.Busy.class);
        assertThatThrownBy(() -> groups.apply(TILL, event("after")))
                .isInstanceOf(PosEventGroups.Busy.class);
        release.countDown();
    }
}
