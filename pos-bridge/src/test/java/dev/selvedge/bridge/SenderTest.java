package dev.selvedge.bridge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sender against a fake shop that checks what it is sent and answers as the shop does. */
class SenderTest {

    @TempDir Path dir;
    private WireMockServer shop;
    private Outbox outbox;
    private Sender sender;
    private Thread thread;

    @BeforeEach
    void start() throws Exception {
        shop = new WireMockServer(options().dynamicPort());
        shop.start();
        outbox = new Outbox(dir.resolve("outbox.db"));
        sender =
                new Sender(
                        outbox,
                        URI.create("http://localhost:" + shop.port()),
                        "pos_secret",
                        Duration.ofMillis(200));
    }

    @AfterEach
    void stop() throws Exception {
        sender.stop();
        if (thread != null) {
            thread.join(5000);
        }
        outbox.close();
        shop.stop();
    }

    private void run() {
        thread = new Thread(sender);
        thread.start();
    }

    private void awaitDone() throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (outbox.counts().pending() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void sendsInOrderWithTheKeyAndWaitsOutAShopThatIsDownWithoutSkippingAhead() throws Exception {
        // The shop is restarting for the first two tries, then answers.
        shop.stubFor(
                post(urlEqualTo("/api/v1/pos/events"))
                        .inScenario("restart")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("still"));
        shop.stubFor(
                post(urlEqualTo("/api/v1/pos/events"))
                        .inScenario("restart")
                        .whenScenarioStateIs("still")
                        .willReturn(
                                aResponse()
                                        .withFault(
                                                com.github.tomakehurst.wiremock.http.Fault
                                                        .CONNECTION_RESET_BY_PEER))
                        .willSetStateTo("up"));
        shop.stubFor(
                post(urlEqualTo("/api/v1/pos/events"))
                        .inScenario("restart")
                        .whenScenarioStateIs("up")
                        .willReturn(
                                aResponse().withStatus(200).withBody("{\"status\":\"APPLIED\"}")));
        outbox.add("e1", "{\"eventId\":\"e1\",\"type\":\"SALE\"}");
        outbox.add("e2", "{\"eventId\":\"e2\",\"type\":\"SALE\"}");
        run();
        awaitDone();

        assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 2, 0));
        List<LoggedRequest> sent = shop.findAll(postRequestedFor(urlEqualTo("/api/v1/pos/events")));
        assertThat(sent)
                .extracting(r -> r.getBodyAsString())
                .containsExactly(
                        "{\"eventId\":\"e1\",\"type\":\"SALE\"}",
                        "{\"eventId\":\"e1\",\"type\":\"SALE\"}",
                        "{\"eventId\":\"e1\",\"type\":\"SALE\"}",
                        "{\"eventId\":\"e2\",\"type\":\"SALE\"}");
        shop.verify(
                4,
                postRequestedFor(urlEqualTo("/api/v1/pos/events"))
                        .withHeader("Authorization", equalTo("Bearer pos_secret"))
                        .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void aRefusedEventIsKeptAsRefusedAndTheNextOnesGoOn() throws Exception {
        shop.stubFor(
                post(urlEqualTo("/api/v1/pos/events"))
                        .withRequestBody(matchingJsonPath("$.eventId", equalTo("bad")))
                        .willReturn(
                                aResponse()
                                        .withStatus(422)
                                        .withBody("{\"detail\":\"Unknown sku X\"}")));
        shop.stubFor(
                post(urlEqualTo("/api/v1/pos/events"))
                        .withRequestBody(equalToJson("{\"eventId\":\"good\"}"))
                        .willReturn(
                                aResponse().withStatus(200).withBody("{\"status\":\"APPLIED\"}")));
        outbox.add("bad", "{\"eventId\":\"bad\"}");
        outbox.add("good", "{\"eventId\":\"good\"}");
        run();
        awaitDone();
        assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 1, 1));
    }

    @Test
    void aRefusedKeyHoldsTheQueueUntilTheShopTakesIt() throws Exception {
        shop.stubFor(
                post(urlEqualTo("/api/v1/pos/events"))
                        .willReturn(aResponse().withStatus(401).withBody("{\"detail\":\"key\"}")));
        outbox.add("e1", "{\"eventId\":\"e1\"}");
        run();
        Thread.sleep(800);
        assertThat(outbox.counts().pending()).as("kept, not dropped").isEqualTo(1);
        assertThat(sender.lastProblem()).contains("401");
    }
}
