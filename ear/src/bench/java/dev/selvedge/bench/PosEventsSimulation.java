package dev.selvedge.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.selvedge.catalog.demo.DemoCatalogue;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Store tills sending POS events over HTTP at a fixed rate, each followed by a read of the SKU's
 * stock: the POST answers once the change is committed, and the GET shows that the new figure is
 * what the inventory API gives. Lines are sales and receipts of random demo SKUs at BLR-01.
 * {@code -Drate=200} events per second for {@code -Dseconds=60}; {@code -DmaxRate=} ramps instead.
 */
public class PosEventsSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    private static final String KEY = System.getProperty("posKey", "");
    private static final int RATE = Integer.getInteger("rate", 200);
    private static final int MAX_RATE = Integer.getInteger("maxRate", 0);
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("seconds", 60));

    private static Iterator<Map<String, Object>> events() {
        Random random = new Random();
        return Stream.generate(() -> {
            var product = DemoCatalogue.product(random.nextInt(DemoCatalogue.PRODUCTS));
            String sku = product.variants().get(random.nextInt(product.variants().size())).sku();
            boolean sale = random.nextInt(3) > 0;
            return Map.<String, Object>of(
                    "eventId", "bench-" + UUID.randomUUID(),
                    "sku", sku,
                    "type", sale ? "SALE" : "RECEIPT",
                    "quantity", 1 + random.nextInt(2));
        }).iterator();
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json");

    private final ScenarioBuilder till = scenario("Till")
            .feed(events())
            .exec(http("POS event").post("/api/v1/pos/events")
                    .header("Authorization", "Bearer " + KEY)
                    .body(StringBody("{\"eventId\":\"#{eventId}\",\"storeCode\":\"BLR-01\",\"terminalId\":\"T1\","
                            + "\"occurredAt\":\"2026-11-26T10:00:00+05:30\",\"type\":\"#{type}\","
                            + "\"lines\":[{\"sku\":\"#{sku}\",\"quantity\":#{quantity}}]}"))
                    .check(status().is(200), jsonPath("$.lines[0].onHandAfter").ofInt().saveAs("after")))
            .exec(http("Inventory read").get("/api/v1/inventory/#{sku}")
                    .check(status().is(200),
                            jsonPath("$.locations[?(@.code == 'BLR-01')].onHand").ofInt().exists()));

    {
        setUp(till.injectOpen(MAX_RATE > 0
                        ? rampUsersPerSec(10).to(MAX_RATE).during(DURATION)
                        : constantUsersPerSec(RATE).during(DURATION)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
