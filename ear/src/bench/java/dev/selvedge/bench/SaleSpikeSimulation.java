package dev.selvedge.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.selvedge.catalog.demo.DemoCatalogue;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A festival sale: shoppers ramp from 10 to {@code users} (500) in 60 s and stay for {@code
 * seconds} (30) more, while the stores' tills send {@code tillRate} (200) events a second. Each
 * shopper opens the home page, a category, a search, then one of the sale's products; 60 % put its
 * size in the bag, and a third of those check out as guests with the test gateway (about one
 * session in five). The sale's products (the first 240 shirts found, one SKU each) get plenty of
 * stock first, through the till door; the tills' events are sales and receipts in turn over those
 * SKUs, so the stock stays level and a checkout never meets an honest sell-out.
 *
 * <p>Run with {@code server-config/bench.sh sale-spike} against a shop started by {@code run.sh}
 * (loopback exempted from the per-client limits: all shoppers come from one address here).
 */
public class SaleSpikeSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    private static final int USERS = Integer.getInteger("users", 500);
    private static final Duration RAMP = Duration.ofSeconds(60);
    private static final Duration STEADY = Duration.ofSeconds(Long.getLong("seconds", 30));
    private static final int TILL_RATE = Integer.getInteger("tillRate", 200);
    private static final String TILL_KEY = System.getProperty("tillKey", "");
    private static final String STORE = System.getProperty("storeCode", "BLR-01");

    private static final List<String> WORDS = List.of(
            "shirt", "shrit", "denim", "linen shirt", "kurta", "oxford", "jacket", "sweater",
            "navy shirt", "black jeans", "cotton t-shirt", "dress", "skirt", "trousers");

    /** The sale's products: slug and the SKU shoppers buy. */
    private record Hot(String slug, String sku) {}

    private static final List<Hot> HOT = new ArrayList<>();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    @Override
    public void before() {
        HttpClient client = HttpClient.newHttpClient();
        try {
            for (int page = 1; page <= 10; page++) {
                var items = json(client, "/api/v1/products?q=shirt&page=" + page).getJsonArray("items");
                for (int i = 0; i < items.size(); i++) {
                    String slug = items.getJsonObject(i).getString("slug");
                    String sku = json(client, "/api/v1/products/" + slug)
                            .getJsonArray("variants").getJsonObject(0).getString("sku");
                    HOT.add(new Hot(slug, sku));
                }
            }
            String lines = HOT.stream()
                    .map(h -> "{\"sku\":\"" + h.sku() + "\",\"quantity\":100000}")
                    .collect(Collectors.joining(","));
            HttpResponse<String> receipt = client.send(
                    HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/pos/events"))
                            .header("Authorization", "Bearer " + TILL_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(tillEvent("RECEIPT", lines)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (receipt.statusCode() >= 300) {
                throw new IllegalStateException("The sale's stock was refused: " + receipt.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static jakarta.json.JsonObject json(HttpClient client, String path)
            throws IOException, InterruptedException {
        String body = client.send(HttpRequest.newBuilder(URI.create(BASE_URL + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return jakarta.json.Json.createReader(new StringReader(body)).readObject();
    }

    private static String tillEvent(String type, String lines) {
        return "{\"eventId\":\"spike-" + UUID.randomUUID() + "\",\"storeCode\":\"" + STORE + "\","
                + "\"terminalId\":\"T1\",\"occurredAt\":\"" + OffsetDateTime.now() + "\","
                + "\"type\":\"" + type + "\",\"lines\":[" + lines + "]}";
    }

    private static Iterator<Map<String, Object>> shoppers() {
        Random random = new Random(42);
        List<String> categories = DemoCatalogue.leaves().stream().map(DemoCatalogue::path).toList();
        return Stream.generate(() -> {
            Hot hot = HOT.get(random.nextInt(HOT.size()));
            long n = SEQUENCE.incrementAndGet();
            return Map.<String, Object>of(
                    "category", categories.get(random.nextInt(categories.size())),
                    "q", WORDS.get(random.nextInt(WORDS.size())).replace(" ", "+"),
                    "slug", hot.slug(),
                    "sku", hot.sku(),
                    "key", "spike-" + UUID.randomUUID(),
                    "email", "spike-" + n + "@example.in");
        }).iterator();
    }

    /** A till's event: a sale or a receipt of one unit of a sale SKU, in turn. */
    private static Iterator<Map<String, Object>> tillEvents() {
        Random random = new Random(7);
        AtomicLong count = new AtomicLong();
        return Stream.generate(() -> {
            String sku = HOT.get(random.nextInt(HOT.size())).sku();
            String type = count.incrementAndGet() % 2 == 0 ? "SALE" : "RECEIPT";
            return Map.<String, Object>of(
                    "event", tillEvent(type, "{\"sku\":\"" + sku + "\",\"quantity\":1}"));
        }).iterator();
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("Selvedge benchmark (Gatling)");

    /** The stores' POS middleware keeps its connections open and sends every till's events. */
    private final HttpProtocolBuilder middleware = http.baseUrl(BASE_URL)
            .userAgentHeader("Selvedge benchmark (Gatling, tills)")
            .shareConnections();

    private static final String CHECKOUT = """
            {"email":"#{email}",
             "shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",
               "state":"Karnataka","postalCode":"560038","country":"IN","phone":"9845012345"},
             "shippingMethod":"standard",
             "lines":[{"sku":"#{sku}","quantity":1}],
             "payment":{"method":"test","token":"tok_ok"}}""";

    private final ChainBuilder buy = exec(http("API add to bag").post("/api/v1/cart/lines")
                    .header("Content-Type", "application/json")
                    .body(StringBody("{\"sku\":\"#{sku}\",\"quantity\":1}"))
                    .check(status().in(200, 201)))
            .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
            .randomSwitch().on(percent(33.3).then(
                    exec(http("API checkout").post("/api/v1/checkout")
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", "#{key}")
                            .body(StringBody(CHECKOUT))
                            .check(status().is(201), jsonPath("$.orderNumber").exists()))));

    // Pages are checked with substring, not css: parsing each page's HTML cost the load generator,
    // which shares the shop's two cores here, more CPU than serving the page cost the shop.
    private final ScenarioBuilder shop = scenario("Shopper in the sale")
            .feed(shoppers())
            .exec(http("JSF home").get("/").header("Accept", "text/html").check(status().is(200)))
            .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
            .exec(http("JSF listing").get("/c/#{category}").header("Accept", "text/html")
                    .check(status().is(200), substring("<article class=\"card\"").exists()))
            .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
            .exec(http("JSF search").get("/search?q=#{q}").header("Accept", "text/html")
                    .check(status().is(200)))
            .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
            .exec(http("JSF product page").get("/p/#{slug}").header("Accept", "text/html")
                    .check(status().is(200), substring("class=\"buybox__name\"").exists()))
            .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
            .randomSwitch().on(percent(60.0).then(buy));

    private final ScenarioBuilder tills = scenario("Tills")
            .feed(tillEvents())
            .exec(http("POS event").post("/api/v1/pos/events")
                    .header("Authorization", "Bearer " + TILL_KEY)
                    .header("Content-Type", "application/json")
                    .body(StringBody("#{event}"))
                    .check(status().in(200, 201, 202)));

    {
        setUp(
                shop.injectClosed(
                        rampConcurrentUsers(10).to(USERS).during(RAMP),
                        constantConcurrentUsers(USERS).during(STEADY)).protocols(protocol),
                tills.injectOpen(constantUsersPerSec(TILL_RATE).during(RAMP.plus(STEADY)))
                        .protocols(middleware))
                .assertions(global().failedRequests().count().is(0L));
    }
}
