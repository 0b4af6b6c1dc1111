package dev.selvedge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir Path dir;

    @Test
    void keepsEachEventOnceInArrivalOrderAcrossARestart() throws Exception {
        Path file = dir.resolve("outbox.db");
        try (Outbox outbox = new Outbox(file)) {
            assertThat(outbox.add("b", "{\"eventId\":\"b\"}")).isTrue();
            assertThat(outbox.add("a", "{\"eventId\":\"a\"}")).isTrue();
            assertThat(outbox.add("b", "{\"eventId\":\"b\"}"))
                    .as("sent twice by the till")
                    .isFalse();
            outbox.sent(outbox.next().orElseThrow().seq(), "{\"status\":\"APPLIED\"}");
        }
        // The bridge restarts (or the machine does): what was queued is still there, in order.
        try (Outbox outbox = new Outbox(file)) {
            Outbox.Pending next = outbox.next().orElseThrow();
            assertThat(next.eventId()).isEqualTo("a");
            outbox.rejected(next.seq(), "{\"status\":422}");
            assertThat(outbox.next()).isEmpty();
            assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 1, 1));
        }
    }
}
