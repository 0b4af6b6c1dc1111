package dev.selvedge.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.selvedge.catalog.demo.DemoCatalogue;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Shoppers browsing the demo catalogue: a category, the category filtered by size and brand, an
 * API search, the same search on the storefront, then a product page with its live-stock stream
 * open while it is read; 1 to 3 seconds of reading between pages, as people do. 50 concurrent shoppers (closed model) for the measured period.
 *
 * <p>Run with {@code server-config/bench.sh} against a shop started by {@code run.sh}.
 */
public class StorefrontSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    private static final int USERS = Integer.getInteger("users", 50);
    private static final Duration RAMP = Duration.ofSeconds(Long.getLong("rampSeconds", 20));
    private static final Duration STEADY = Duration.ofSeconds(Long.getLong("seconds", 120));

    /** What shoppers type, typos included. */
    private static final List<String> WORDS = List.of(
            "shirt", "shrit", "denim", "denm", "linen", "linen shirt", "kurta", "kurat", "oxford", "jacket",
            "jackt", "sweater", "chambray", "navy shirt", "black jeans", "cotton t-shirt", "khadi kurta",
            "slim jeans", "dress", "skirt", "trousers", "corduroy", "olive", "white shirt");
    private static final List<String> LETTER_SIZES = List.of("S", "M", "L", "XL");
    private static final List<String> WAIST_SIZES = List.of("30", "32", "34");

    private static Iterator<Map<String, Object>> shoppers() {
        Random random = new Random(42);
        List<DemoCatalogue.CategorySpec> leaves = DemoCatalogue.leaves();
        List<String> brands = DemoCatalogue.brands().stream()
                .map(b -> b.name().toLowerCase().replace("&", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""))
                .toList();
        return Stream.generate(() -> {
            DemoCatalogue.CategorySpec leaf = leaves.get(random.nextInt(leaves.size()));
            List<String> sizes = leaf.sizes().get(0).matches("\\d+") ? WAIST_SIZES : LETTER_SIZES;
            return Map.<String, Object>of(
                    "category", DemoCatalogue.path(leaf),
                    "department", DemoCatalogue.path(leaf).split("/")[0],
                    "size", sizes.get(random.nextInt(sizes.size())),
                    "brand", brands.get(random.nextInt(brands.size())),
                    "q", WORDS.get(random.nextInt(WORDS.size())).replace(" ", "+"));
        }).iterator();
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("Selvedge benchmark (Gatling)");

    private final ScenarioBuilder browse = scenario("Shopper browsing")
            .feed(shoppers())
            .exec(http("JSF listing").get("/c/#{category}")
                    .header("Accept", "text/html")
                    .check(status().is(200), css("article.card", "data-slug").findRandom().saveAs("slug")))
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
            .exec(http("JSF listing filtered").get("/c/#{category}?size=#{size}&brand=#{brand}")
                    .header("Accept", "text/html")
                    .check(status().is(200)))
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
            .exec(http("API search").get("/api/v1/products?q=#{q}")
                    .header("Accept", "application/json")
                    .check(status().is(200), jsonPath("$.total").ofInt().gte(0)))
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
            .exec(http("JSF search").get("/search?q=#{q}")
                    .header("Accept", "text/html")
                    .check(status().is(200)))
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
            .exec(http("JSF product page").get("/p/#{slug}")
                    .header("Accept", "text/html")
                    .check(status().is(200), css("h1.buybox__name").exists(),
                            css("label[data-sku]", "data-sku").findAll().saveAs("skus")))
            // As a browser does: the page follows its sizes' stock live while it is read.
            .exec(session -> session.set("live", session.<String>getList("skus").stream()
                    .map(sku -> "sku=" + sku).collect(Collectors.joining("&"))))
            .exec(sse("Live stock (open)").get("/api/v1/inventory/live?#{live}"))
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
            .exec(sse("Live stock (close)").close())
            .exec(http("API search filtered").get("/api/v1/products?category=#{department}&size=#{size}&inStock=true&sort=price-asc")
                    .header("Accept", "application/json")
                    .check(status().is(200)));

    {
        setUp(browse.injectClosed(
                        rampConcurrentUsers(0).to(USERS).during(RAMP),
                        constantConcurrentUsers(USERS).during(STEADY)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
