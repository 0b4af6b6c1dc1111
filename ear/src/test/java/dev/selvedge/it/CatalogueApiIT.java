package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalogue API in the real server against PostgreSQL: facets, filters, typos, problems. */
class CatalogueApiIT extends ShopDeployment {

    private static CatalogueFixture fixture;

    @BeforeAll
    static void catalogue() throws Exception {
        fixture = CatalogueFixture.create();
    }

    @AfterAll
    static void close() throws Exception {
        fixture.close();
    }

    private JsonObject products(String query) {
        Http.Reply reply = Http.get("/api/v1/products?category=" + fixture.token + "&" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static Map<String, Integer> facet(JsonObject page, String name) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonValue v : page.getJsonObject("facets").getJsonArray(name)) {
            counts.put(v.asJsonObject().getString("value"), v.asJsonObject().getInt("count"));
        }
        return counts;
    }

    private static List<String> slugs(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("slug"))
                .toList();
    }

    @Test
    void countsEveryFacetOverTheWholeCategory() {
        JsonObject page = products("pageSize=10");
        assertThat(page.getInt("total")).isEqualTo(3);
        assertThat(facet(page, "brand"))
                .containsExactly(Map.entry(fixture.alpha, 1), Map.entry(fixture.beta, 2));
        assertThat(facet(page, "size"))
                .containsExactly(
                        Map.entry("S", 1),
                        Map.entry("M", 2),
                        Map.entry("L", 2),
                        Map.entry("30", 1),
                        Map.entry("32", 1));
        assertThat(facet(page, "colour"))
                .containsExactly(
                        Map.entry("indigo", 1), Map.entry("navy", 2), Map.entry("white", 1));
    }

    @Test
    void countsABrandFacetWithTheOtherFiltersButNotItself() {
        JsonObject page = products("brand=" + fixture.beta + "&size=M");
        assertThat(slugs(page)).containsExactly(fixture.oxfordShirt);
        // Selecting a brand leaves the other brands countable: Alpha has one product in size M.
        assertThat(facet(page, "brand"))
                .containsExactly(Map.entry(fixture.alpha, 1), Map.entry(fixture.beta, 1));
        assertThat(
                        page.getJsonObject("facets").getJsonArray("brand").stream()
                                .filter(v -> v.asJsonObject().getBoolean("selected"))
                                .map(v -> v.asJsonObject().getString("value")))
                .containsExactly(fixture.beta);
    }

    @Test
    void filtersBySizeInStockOnlyAndPrice() {
        // Navy M of the linen shirt is sold out, White M is not: the shirt still counts as in stock
        // in M.
        assertThat(slugs(products("size=M&inStock=true&sort=price-asc")))
                .containsExactly(fixture.oxfordShirt, fixture.linenShirt);
        assertThat(slugs(products("colour=Navy&size=M&inStock=true")))
                .containsExactly(fixture.oxfordShirt);
        assertThat(slugs(products("inStock=true"))).doesNotContain(fixture.denimJeans).hasSize(2);
        // The sale price is what a shopper pays, so it is what the price filter sees.
        assertThat(slugs(products("maxPrice=1800"))).containsExactly(fixture.oxfordShirt);
        assertThat(slugs(products("minPrice=2000&maxPrice=3000")))
                .containsExactly(fixture.denimJeans);
    }

    @Test
    void sortsAndPages() {
        assertThat(slugs(products("sort=price-desc")))
                .containsExactly(fixture.denimJeans, fixture.linenShirt, fixture.oxfordShirt);
        assertThat(slugs(products("sort=newest")))
                .containsExactly(fixture.denimJeans, fixture.oxfordShirt, fixture.linenShirt);
        JsonObject second = products("sort=price-asc&page=2&pageSize=2");
        assertThat(second.getInt("total")).isEqualTo(3);
        assertThat(slugs(second)).containsExactly(fixture.denimJeans);
    }

    @Test
    void forgivesTyposInSearch() {
        JsonObject shirts = products("q=shrit");
        assertThat(shirts.getString("correctedQuery")).isEqualTo("shirt");
        assertThat(slugs(shirts))
                .containsExactlyInAnyOrder(fixture.linenShirt, fixture.oxfordShirt);
        JsonObject denim = products("q=denm");
        assertThat(denim.getString("correctedQuery")).isEqualTo("denim");
        assertThat(slugs(denim)).containsExactly(fixture.denimJeans);
        assertThat(slugs(products("q=oxfrd+shirt"))).containsExactly(fixture.oxfordShirt);
        assertThat(products("q=zzqxw").getInt("total")).isZero();
    }

    @Test
    void describesAProductWithItsSkusStockPicturesAndSizeChart() {
        Http.Reply reply = Http.get("/api/v1/products/" + fixture.linenShirt);
        assertThat(reply.status()).isEqualTo(200);
        JsonObject product = reply.json();
        assertThat(product.getString("brand")).endsWith("Alpha");
        JsonArray variants = product.getJsonArray("variants");
        assertThat(variants).hasSize(6);
        JsonObject navyM =
                variants.stream()
                        .map(JsonValue::asJsonObject)
                        .filter(
                                v ->
                                        v.getString("colour").equals("Navy")
                                                && v.getString("size").equals("M"))
                        .findFirst()
                        .orElseThrow();
        assertThat(navyM.getInt("available")).isZero();
        assertThat(navyM.getString("barcode")).hasSize(13);
        assertThat(navyM.getJsonNumber("price").bigDecimalValue()).isEqualByComparingTo("1999");
        assertThat(product.getJsonArray("images")).hasSize(2);
        JsonObject chart = product.getJsonObject("sizeChart");
        assertThat(
                        chart.getJsonObject("centimetres")
                                .getJsonObject("M")
                                .getJsonNumber("Chest")
                                .doubleValue())
                .isEqualTo(96.0);
        assertThat(
                        chart.getJsonObject("inches")
                                .getJsonObject("M")
                                .getJsonNumber("Chest")
                                .doubleValue())
                .isEqualTo(37.8);
    }

    @Test
    void showsStockChangesOnTheProductAtOnce() throws Exception {
        try (CatalogueFixture own = CatalogueFixture.create()) {
            assertThat(available(own.oxfordShirt, "L")).isEqualTo(2);
            own.setStock(own.oxfordShirt, "Navy", "L", 7, 3);
            assertThat(available(own.oxfordShirt, "L")).isEqualTo(4);
            // All on hand is held: nothing left to sell.
            own.setStock(own.oxfordShirt, "Navy", "L", 3, 3);
            assertThat(available(own.oxfordShirt, "L")).isZero();
            own.setStock(own.oxfordShirt, "Navy", "L", 5, 0);
            // A store that stops serving online orders stops counting.
            own.sellOnline(false);
            assertThat(available(own.oxfordShirt, "L")).isZero();
            own.sellOnline(true);
            assertThat(available(own.oxfordShirt, "L")).isEqualTo(5);
        }
    }

    private static int available(String slug, String size) {
        return Http.get("/api/v1/products/" + slug).json().getJsonArray("variants").stream()
                .map(JsonValue::asJsonObject)
                .filter(v -> v.getString("size").equals(size))
                .findFirst()
                .orElseThrow()
                .getInt("available");
    }

    @Test
    void answersProblemsForBadRequests() {
        assertProblem(Http.get("/api/v1/products?minPrice=abc"), 400, "minPrice");
        assertProblem(Http.get("/api/v1/products?page=0"), 400, "page");
        assertProblem(Http.get("/api/v1/products?pageSize=1000"), 400, "pageSize");
        assertProblem(Http.get("/api/v1/products?sort=cheapest"), 400, "sort");
        assertProblem(Http.get("/api/v1/products?inStock=maybe"), 400, "inStock");
        assertProblem(Http.get("/api/v1/products?minPrice=500&maxPrice=100"), 400, "minPrice");
        assertProblem(Http.get("/api/v1/products?category=no-such-place"), 400, "category");
        assertProblem(Http.get("/api/v1/products/no-such-product"), 404, "no-such-product");
    }

    @Test
    void storefrontPagesExplainBadFiltersAndMissingPages() {
        Http.Reply listing = Http.get("/c/" + fixture.token + "?minPrice=abc&page=x");
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.body())
                .contains("'abc' is not a price in rupees")
                .contains("That page number is not a number")
                .contains("data-slug=\"" + fixture.linenShirt + "\"");
        Http.Reply category = Http.get("/c/" + fixture.token + "/no-such-shelf");
        assertThat(category.status()).isEqualTo(404);
        assertThat(category.body()).contains("We could not find that page");
        assertThat(Http.get("/p/no-such-product-" + fixture.token).status()).isEqualTo(404);
        assertProblem(Http.get("/api/v1/no-such-thing"), 404, "/api/v1/no-such-thing");
    }

    private static void assertProblem(Http.Reply reply, int status, String mentioned) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).startsWith("https://");
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).contains(mentioned);
    }

    @Test
    void listsBrandsAndTheCategoryTree() {
        JsonArray brands = (JsonArray) Http.get("/api/v1/brands").structure();
        assertThat(brands.stream().map(b -> b.asJsonObject().getString("slug")))
                .contains(fixture.alpha, fixture.beta);
        JsonArray roots = (JsonArray) Http.get("/api/v1/categories").structure();
        JsonObject root =
                roots.stream()
                        .map(JsonValue::asJsonObject)
                        .filter(c -> c.getString("path").equals(fixture.token))
                        .findFirst()
                        .orElseThrow();
        assertThat(
                        root.getJsonArray("children").stream()
                                .map(c -> c.asJsonObject().getString("path")))
                .containsExactly(fixture.token + "/shirts", fixture.token + "/jeans");
    }

    @Test
    void servesPicturesAtResponsiveWidthsWithLongCachingAndEtags() throws Exception {
        long image = fixture.firstImageOf(fixture.linenShirt);
        Http.Reply small = Http.get("/media/" + image + "/320.jpg");
        assertThat(small.status()).isEqualTo(200);
        assertThat(small.contentType()).isEqualTo("image/jpeg");
        assertThat(small.header("Cache-Control"))
                .contains("max-age=31536000")
                .contains("immutable");
        String etag = small.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(Http.get("/media/" + image + "/320.jpg", "If-None-Match", etag).status())
                .isEqualTo(304);
        Http.Reply large = Http.get("/media/" + image + "/1600.jpg");
        assertThat(large.status()).isEqualTo(200);
        assertThat(large.body().length()).isGreaterThan(small.body().length());
        assertThat(Http.get("/media/" + image + "/500.jpg").status()).isEqualTo(404);
        assertThat(Http.get("/media/999999999/320.jpg").status()).isEqualTo(404);
    }

    @Test
    void publishesTheOpenApiDocument() {
        Http.Reply reply = Http.get("/openapi");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("/api/v1/products/{slug}").contains("/api/v1/brands");
    }
}
