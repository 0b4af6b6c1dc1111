package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault test of the store bridge: 10,000 till events (5% of them sent twice) from four tills at
 * once go through a pos-bridge process over a line that is cut and restored, while the shop's
 * server is killed with {@code kill -9} and started again. In the end every event was applied
 * exactly once: the stock is what an undisturbed run gives, and the ledger holds no event twice. A
 * poison event among them is refused, kept for staff, and does not hold up the ones behind it.
 */
class PosBridgeFaultIT extends ShopDeployment {

    private static final int EVENTS = 10_000;
    private static final int START = 100_000;

    private CatalogueFixture fixture;
    private final List<Process> processes = new ArrayList<>();
    private Path work;

    @BeforeEach
    void store() throws Exception {
        fixture = CatalogueFixture.create();
        work = Files.createTempDirectory("pos-bridge-fault");
    }

    @AfterEach
    void stop() throws Exception {
        processes.forEach(Process::destroyForcibly);
        fixture.close();
    }

    private Process start(String name, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("java", "-jar", System.getProperty("pos.bridge.jar")));
        command.addAll(List.of(args));
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve(name + ".log").toFile())
                        .start();
        processes.add(process);
        return process;
    }

    private JsonObject bridgeStatus(int port) {
        try {
            return Json.createReader(
                            new StringReader(
                                    java.net.http.HttpClient.newHttpClient()
                                            .send(
                                                    java.net.http.HttpRequest.newBuilder(
                                                                    java.net.URI.create(
                                                                            "http://127.0.0.1:"
                                                                                    + port
                                                                                    + "/status"))
                                                            .build(),
                                                    java.net.http.HttpResponse.BodyHandlers
                                                            .ofString())
                                            .body()))
                    .readObject();
        } catch (Exception notYet) {
            return Json.createObjectBuilder().add("sent", 0).add("pending", -1).build();
        }
    }

    private JsonObject await(int port, Predicate<JsonObject> done, long seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000;
        JsonObject status = bridgeStatus(port);
        while (!done.test(status) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            status = bridgeStatus(port);
        }
        return status;
    }

    /** kill -9 of the server's JVM, then a fresh start, until the shop answers ready. */
    private void crashAndRestartServer() throws Exception {
        Path domain = Path.of(System.getProperty("it.domain.dir"));
        String pid = Files.readString(domain.resolve("config/pid")).strip();
        assertThat(new ProcessBuilder("kill", "-9", pid).start().waitFor()).isZero();
        while (ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(100);
        }
        Process start =
                new ProcessBuilder(
                                System.getProperty("it.asadmin"),
                                "start-domain",
                                domain.getFileName().toString())
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve("start-domain.log").toFile())
                        .start();
        assertThat(start.waitFor(180, TimeUnit.SECONDS)).isTrue();
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (Http.get("/health/ready").body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // The server is still starting.
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The server did not come back after kill -9");
    }

    @Test
    void everyEventIsAppliedExactlyOnceThroughCrashesAndLineCuts() throws Exception {
        String key = fixture.issueTerminal("T1");
        List<String> skus =
                List.of(
                        fixture.sku(fixture.linenShirt, "Navy", "S"),
                        fixture.sku(fixture.linenShirt, "Navy", "M"),
                        fixture.sku(fixture.linenShirt, "Navy", "L"),
                        fixture.sku(fixture.linenShirt, "White", "S"),
                        fixture.sku(fixture.linenShirt, "White", "M"),
                        fixture.sku(fixture.linenShirt, "White", "L"),
                        fixture.sku(fixture.oxfordShirt, "Navy", "M"),
                        fixture.sku(fixture.oxfordShirt, "Navy", "L"));
        for (String sku : skus) {
            fixture.stockAt(sku, fixture.storeCode(), START);
        }
        int bridgePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            bridgePort = probe.getLocalPort();
        }
        try (LineSwitch line = new LineSwitch(Integer.getInteger("it.http.port"))) {
            start(
                    "bridge",
                    "run",
                    "--server",
                    "http://127.0.0.1:" + line.port(),
                    "--key",
                    key,
                    "--store",
                    fixture.storeCode(),
                    "--data",
                    work.resolve("data").toString(),
                    "--listen",
                    "127.0.0.1:" + bridgePort,
                    "--max-pause-ms",
                    "1000");
            assertThat(await(bridgePort, s -> s.getInt("pending") >= 0, 30).getInt("pending"))
                    .as("the bridge is up")
                    .isZero();
            Path expected = work.resolve("expected.json");
            Process tills =
                    start(
                            "tills",
                            "simulate",
                            "--bridge",
                            "http://127.0.0.1:" + bridgePort,
                            "--skus",
                            String.join(",", skus),
                            "--count",
                            String.valueOf(EVENTS),
                            "--duplicates",
                            "0.05",
                            // A store's four tills at once.
                            "--tills",
                            "4",
                            "--seed",
                            "42",
                            "--prefix",
                            fixture.token,
                            "--expect",
                            expected.toString());

            // A third of the way: the server dies without warning and is started again.
            await(bridgePort, s -> s.getInt("sent") >= EVENTS / 3, 300);
            crashAndRestartServer();

            // A poison event among the others: refused, kept, and the stream goes on.
            Http.Reply queued =
                    postToBridge(
                            bridgePort,
                            "{\"eventId\":\""
                                    + fixture.token
                                    + "-poison\",\"occurredAt\":\"2026-11-26T10:00:00+05:30\",\"type\":\"SALE\","
                                    + "\"lines\":[{\"sku\":\"NO-SUCH-SKU\",\"quantity\":1}]}");
            assertThat(queued.status()).isEqualTo(202);

            // Two thirds of the way: the store's line drops for a while, then comes back.
            await(bridgePort, s -> s.getInt("sent") >= 2 * EVENTS / 3, 300);
            line.down();
            JsonObject cut = await(bridgePort, s -> !s.getBoolean("lineUp"), 30);
            assertThat(cut.getBoolean("lineUp")).as("the bridge noticed the cut").isFalse();
            Thread.sleep(3000);
            line.up();

            assertThat(tills.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(tills.exitValue()).as(Files.readString(work.resolve("tills.log"))).isZero();
            JsonObject done = await(bridgePort, s -> s.getInt("pending") == 0, 300);
            assertThat(done.getInt("pending")).as("all sent").isZero();
            assertThat(done.getInt("rejected")).as("the poison event only").isEqualTo(1);
            assertThat(done.getInt("sent")).isEqualTo(EVENTS);

            // Exactly once: each event id claimed once, no event twice in the ledger, and the
            // stock is what applying each event once gives.
            assertThat(
                            fixture.single(
                                    "SELECT COUNT(*) FROM pos_event WHERE event_id LIKE ?",
                                    fixture.token + "-%"))
                    .isEqualTo(String.valueOf(EVENTS));
            assertThat(
                            fixture.single(
                                    "SELECT COUNT(*) FROM (SELECT event_id, variant_id, location_id FROM stock_movement"
                                            + " WHERE event_id LIKE ? GROUP BY 1, 2, 3 HAVING COUNT(*) > 1) twice",
                                    fixture.token + "-%"))
                    .isEqualTo("0");
            JsonObject change =
                    Json.createReader(new StringReader(Files.readString(expected))).readObject();
            for (String sku : skus) {
                assertThat(fixture.level(sku, fixture.storeCode())[0])
                        .as(sku)
                        .isEqualTo(START + change.getInt(sku, 0));
            }
            assertThat(
                            fixture.single(
                                    "SELECT door || ' ' || reason FROM pos_dead_letter WHERE event_id = ?",
                                    fixture.token + "-poison"))
                    .startsWith("HTTP Unknown sku NO-SUCH-SKU");
        }
    }

    private static Http.Reply postToBridge(int port, String json) {
        return Http.postTo("http://127.0.0.1:" + port + "/events", json);
    }
}
