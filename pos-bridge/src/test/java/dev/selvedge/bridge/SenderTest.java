package dev.selvedge.bridge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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

    private static final String BATCHES = "/api/v1/pos/event-batches";

    @Test
    void sendsInOrderInOneBatchWithTheKeyAndWaitsOutAShopThatIsDownWithoutSkippingAhead()
            throws Exception {
        // The shop is restarting for the first two tries, then answers.
        shop.stubFor(
                post(urlEqualTo(BATCHES))
                        .inScenario("restart")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("still"));
        shop.stubFor(
                post(urlEqualTo(BATCHES))
                        .inScenario("restart")
                        .whenScenarioStateIs("still")
                        .willReturn(
                                aResponse()
                                        .withFault(
                                                com.github.tomakehurst.wiremock.http.Fault
                                                        .CONNECTION_RESET_BY_PEER))
                        .willSetStateTo("up"));
        shop.stubFor(
                post(urlEqualTo(BATCHES))
                        .inScenario("restart")
                        .whenScenarioStateIs("up")
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody(
                                                "{\"results\":[{\"eventId\":\"e1\",\"status\":\"APPLIED\"},"
                                                        + "{\"eventId\":\"e2\",\"status\":\"DUPLICATE\"}]}")));
        outbox.add("e1", "{\"eventId\":\"e1\",\"type\":\"SALE\"}");
        outbox.add("e2", "{\"eventId\":\"e2\",\"type\":\"SALE\"}");
        run();
        awaitDone();

        assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 2, 0));
        String batch =
                "{\"events\":[{\"eventId\":\"e1\",\"type\":\"SALE\"},{\"eventId\":\"e2\",\"type\":\"SALE\"}]}";
        assertThat(shop.findAll(postRequestedFor(urlEqualTo(BATCHES))))
                .extracting(r -> r.getBodyAsString())
                .containsExactly(batch, batch, batch);
        shop.verify(
                3,
                postRequestedFor(urlEqualTo(BATCHES))
                        .withHeader("Authorization", equalTo("Bearer pos_secret"))
                        .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void aRefusedEventIsKeptAsRefusedAndTheNextOnesGoOn() throws Exception {
        shop.stubFor(
                post(urlEqualTo(BATCHES))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody(
                                                "{\"results\":[{\"eventId\":\"bad\",\"status\":\"REJECTED\","
                                                        + "\"problem\":{\"status\":422,\"detail\":\"Unknown sku X\"}},"
                                                        + "{\"eventId\":\"good\",\"status\":\"APPLIED\"}]}")));
        outbox.add("bad", "{\"eventId\":\"bad\"}");
        outbox.add("good", "{\"eventId\":\"good\"}");
        run();
        awaitDone();
        assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 1, 1));
    }

    @Test
    void anEventTheShopDidNotApplyIsSentAgainWithThoseAfterItAndNothingIsSkipped()
            throws Exception {
        shop.stubFor(
                post(urlEqualTo(BATCHES))
                        .withRequestBody(matchingJsonPath("$.events[0].eventId", equalTo("e1")))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody(
                                                "{\"results\":[{\"eventId\":\"e1\",\"status\":\"APPLIED\"},"
                                                        + "{\"eventId\":\"e2\",\"status\":\"NOT_APPLIED\"},"
                                                        + "{\"eventId\":\"e3\",\"status\":\"NOT_APPLIED\"}]}")));
        shop.stubFor(
                post(urlEqualTo(BATCHES))
                        .withRequestBody(matchingJsonPath("$.events[0].eventId", equalTo("e2")))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody(
                                                "{\"results\":[{\"eventId\":\"e2\",\"status\":\"APPLIED\"},"
                                                        + "{\"eventId\":\"e3\",\"status\":\"APPLIED\"}]}")));
        outbox.add("e1", "{\"eventId\":\"e1\"}");
        outbox.add("e2", "{\"eventId\":\"e2\"}");
        outbox.add("e3", "{\"eventId\":\"e3\"}");
        run();
        awaitDone();
        assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 3, 0));
        assertThat(shop.findAll(postRequestedFor(urlEqualTo(BATCHES))))
                .extracting(r -> r.getBodyAsString())
                .containsExactly(
                        "{\"events\":[{\"eventId\":\"e1\"},{\"eventId\":\"e2\"},{\"eventId\":\"e3\"}]}",
                        "{\"events\":[{\"eventId\":\"e2\"},{\"eventId\":\"e3\"}]}");
    }

    @Test
    void aBatchTheShopCannotReadIsSentOneEventAtATime() throws Exception {
        shop.stubFor(
                post(urlEqualTo(BATCHES))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withBody("{\"detail\":\"A batch is {events:[...]}\"}")));
        shop.stubFor(
                post(urlEqualTo("/api/v1/pos/events"))
                        .willReturn(
                                aResponse().withStatus(200).withBody("{\"status\":\"APPLIED\"}")));
        outbox.add("e1", "{\"eventId\":\"e1\"}");
        outbox.add("e2", "{\"eventId\":\"e2\"}");
        run();
        awaitDone();
        assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 2, 0));
        assertThat(shop.findAll(postRequestedFor(urlEqualTo("/api/v1/pos/events"))))
                .extracting(r -> r.getBodyAsString())
                .containsExactly("{\"eventId\":\"e1\"}", "{\"eventId\":\"e2\"}");
    }

    @Test
    void anAnswerThatIsNotTheShopsTakesNothingAsSentAndTheSenderGoesOn() throws Exception {
        shop.stubFor(
                post(urlEqualTo(BATCHES))
                        .inScenario("proxy")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(200).withBody("<html>proxy</html>"))
                        .willSetStateTo("shop"));
        shop.stubFor(
                post(urlEqualTo(BATCHES))
                        .inScenario("proxy")
                        .whenScenarioStateIs("shop")
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody("{\"results\":[{\"status\":\"APPLIED\"},7]}")));
        outbox.add("e1", "{\"eventId\":\"e1\"}");
        outbox.add("e2", "{\"eventId\":\"e2\"}");
        run();
        long until = System.currentTimeMillis() + 10_000;
        while (shop.findAll(postRequestedFor(urlEqualTo(BATCHES))).size() < 3
                && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        // Neither answer was the shop's: both events still wait, and the sender still sends.
        assertThat(shop.findAll(postRequestedFor(urlEqualTo(BATCHES))).size())
                .isGreaterThanOrEqualTo(3);
        assertThat(outbox.counts().pending()).isEqualTo(2);
        assertThat(sender.lastProblem()).contains("not what it should be");
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
