package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kept browsing pages (PageCache): served to the next visitor with a nonce of their own and
 * their own account link and bag count; a product page dropped when a stock figure it shows would
 * show differently (and kept when it would not), and every page dropped when the catalogue changes
 * (a price, a product selling out) so that the next view shows it within seconds.
 */
class PageCacheIT extends ShopDeployment {

    private static final Pattern NONCE_ATTRIBUTE = Pattern.compile("nonce=\"([^\"]+)\"");

    private CatalogueFixture fixture;
    private String page;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        page = "/p/" + fixture.linenShirt;
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void aKeptPageGetsAFreshNonceAndTheVisitorsOwnLinks() throws Exception {
        Http.Reply first = Http.get(page);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Page-Cache")).isEqualTo("miss");
        // Served from the cache from now on (a first render slower than the freshness, 1 s, as in
        // a cold server, is rendered once more).
        Http.Reply second = awaitPage(body -> true, "hit");

        // Each response its own nonce, the same in its policy and in every script of its page.
        String nonce = nonceOf(second);
        assertThat(nonce).isNotEqualTo(nonceOf(first)).hasSizeGreaterThanOrEqualTo(22);
        List<String> inPage =
                NONCE_ATTRIBUTE.matcher(second.body()).results().map(m -> m.group(1)).toList();
        assertThat(inPage).isNotEmpty().containsOnly(nonce);
        assertThat(second.body().replace(nonce, "N"))
                .isEqualTo(first.body().replace(nonceOf(first), "N"));
        assertThat(second.header("Set-Cookie")).isNull();

        // A shopper with a bag gets the kept page with their count.
        String sku = fixture.sku(fixture.linenShirt, "Navy", "L");
        Http.Reply added =
                Http.post("/api/v1/cart/lines", "{\"sku\":\"" + sku + "\",\"quantity\":2}");
        assertThat(added.status()).as(added.body()).isIn(200, 201);
        String bag = added.header("Set-Cookie").split(";")[0];
        Http.Reply withBag = awaitPage(body -> true, "hit", "Cookie", bag);
        assertThat(withBag.body())
                .contains(
                        "aria-label=\"Bag, 2 items\">Bag <span class=\"bag-count\" id=\"bag-count\">2</span>")
                .contains("href=\"/sign-in.xhtml\">Sign in</a>");
        // ...and the next anonymous visitor still an empty bag.
        assertThat(Http.get(page).body()).contains("id=\"bag-count\">0</span>");
    }

    @Test
    void aKeptPageStillGetsItsSearchSuggestions() throws Exception {
        Http.get(page);
        Http.Reply kept = awaitPage(body -> true, "hit");
        // The header's search box asks for suggestions by AJAX, sending the page's nonce back, as
        // PrimeFaces' script does; PrimeFaces checks that nonce.
        Matcher init =
                Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(kept.body());
        assertThat(init.find()).as("the page hands its nonce to PrimeFaces").isTrue();
        assertThat(init.group(1)).isEqualTo(nonceOf(kept));
        Matcher form =
                Pattern.compile("<form id=\"searchForm\"[^>]* action=\"([^\"]+)\"")
                        .matcher(kept.body());
        assertThat(form.find()).isTrue();
        String typed = fixture.token + " linen";
        Http.Reply suggestions =
                Http.postForm(
                        form.group(1),
                        "jakarta.faces.partial.ajax=true&jakarta.faces.source=searchForm%3Aq"
                                + "&jakarta.faces.partial.execute=searchForm%3Aq&jakarta.faces.partial.render=searchForm%3Aq"
                                + "&searchForm%3Aq=searchForm%3Aq&searchForm=searchForm"
                                + "&searchForm%3Aq_query="
                                + java.net.URLEncoder.encode(
                                        typed, java.nio.charset.StandardCharsets.UTF_8)
                                + "&searchForm%3Aq_input="
                                + java.net.URLEncoder.encode(
                                        typed, java.nio.charset.StandardCharsets.UTF_8)
                                + "&jakarta.faces.ViewState=stateless&primefaces.nonce="
                                + java.net.URLEncoder.encode(
                                        init.group(1), java.nio.charset.StandardCharsets.UTF_8),
                        "Faces-Request",
                        "partial/ajax",
                        "X-Requested-With",
                        "XMLHttpRequest",
                        "Origin",
                        ShopDeployment.baseUrl());
        assertThat(suggestions.status()).isEqualTo(200);
        assertThat(suggestions.body())
                .as("a partial response with the suggestions")
                .contains("<partial-response")
                .contains("ui-autocomplete-item")
                .contains("Linen Shirt")
                .doesNotContain("<error>");
    }

    @Test
    void aStockChangeDropsTheKeptPage() throws Exception {
        String navyL = fixture.sku(fixture.linenShirt, "Navy", "L"); // 3 at the fixture's store
        Http.get(page);
        Http.Reply kept = awaitPage(body -> true, "hit");
        assertThat(sizeOf(kept.body(), navyL)).contains("data-available=\"3\"");

        fixture.stockAt(navyL, fixture.storeCode(), 0); // any change, even one made in SQL
        Http.Reply after = awaitPage(body -> sizeOf(body, navyL).contains("data-available=\"0\""));
        assertThat(sizeOf(after.body(), navyL)).contains("is-out");
    }

    @Test
    void aStockFigureThePageShowsTheSameWayKeepsIt() throws Exception {
        String navyM = fixture.sku(fixture.linenShirt, "Navy", "M");
        fixture.stockAt(navyM, fixture.storeCode(), 20);
        // Beyond 5 a size shows as plainly in stock.
        Http.get(page);
        assertThat(sizeOf(awaitPage(body -> true, "hit").body(), navyM))
                .contains("data-available=\"6\"");
        try (LiveFigures figures = LiveFigures.of(navyM)) {
            assertThat(figures.next()).isEqualTo(20);
            fixture.stockAt(navyM, fixture.storeCode(), 19);
            // The stream hears a figure after the kept pages did.
            assertThat(figures.next()).isEqualTo(19);
            assertThat(Http.get(page).header("X-Page-Cache")).isEqualTo("hit");
            fixture.stockAt(navyM, fixture.storeCode(), 4);
            assertThat(figures.next()).isEqualTo(4);
            Http.Reply after = Http.get(page);
            assertThat(after.header("X-Page-Cache")).isEqualTo("miss");
            assertThat(sizeOf(after.body(), navyM)).contains("data-available=\"4\"");
        }
    }

    @Test
    void aPriceChangeShowsOnTheNextViewsOfItsPageAndListing() throws Exception {
        String listing = "/c/" + fixture.token + "/shirts";
        Http.get(page);
        Http.get(listing);
        assertThat(awaitPage(body -> body.contains("₹1,999"), "hit").body()).contains("₹1,999");
        assertThat(awaitPage(listing, body -> body.contains("₹1,999"), "hit").status())
                .isEqualTo(200);
        fixture.single(
                "UPDATE variant SET price_minor = 219900 WHERE product_id ="
                        + " (SELECT id FROM product WHERE slug = ?) RETURNING 1",
                fixture.linenShirt);
        long changed = System.nanoTime();
        awaitPage(body -> body.contains("₹2,199"));
        awaitPage(listing, body -> body.contains("₹2,199"), null);
        // Told at commit; the time to render both again and to ask.
        assertThat((System.nanoTime() - changed) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void aProductSellingOutShowsOnItsKeptListing() throws Exception {
        String listing = "/c/" + fixture.token + "/shirts";
        Http.get(listing);
        Http.Reply kept = awaitPage(listing, body -> true, "hit");
        assertThat(cardOf(kept.body(), fixture.linenShirt)).doesNotContain("Out of stock");
        fixture.single(
                "UPDATE stock_level SET on_hand = 0, reserved = 0 WHERE variant_id IN"
                        + " (SELECT v.id FROM variant v JOIN product p ON p.id = v.product_id WHERE p.slug = ?)"
                        + " RETURNING 1",
                fixture.linenShirt);
        Http.Reply after =
                awaitPage(
                        listing,
                        body -> cardOf(body, fixture.linenShirt).contains("Out of stock"),
                        null);
        assertThat(after.header("X-Page-Cache")).isIn("miss", "hit");
    }

    @Test
    void anUnknownProductGetsTheShopsNotFoundPageAndIsNotKept() {
        for (int i = 0; i < 2; i++) {
            Http.Reply missing = Http.get("/p/" + fixture.token + "-no-such-product");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).contains("We could not find that page");
            assertThat(missing.header("X-Page-Cache")).isNotEqualTo("hit");
        }
    }

    /** Asks for the page until it shows what is expected (up to 10 s); the last answer. */
    private Http.Reply awaitPage(Predicate<String> expected) throws InterruptedException {
        return awaitPage(expected, null);
    }

    /** The same, served as {@code how} (X-Page-Cache) when not null. */
    private Http.Reply awaitPage(Predicate<String> expected, String how, String... headers)
            throws InterruptedException {
        return awaitPage(page, expected, how, headers);
    }

    private static Http.Reply awaitPage(
            String path, Predicate<String> expected, String how, String... headers)
            throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        Http.Reply reply = Http.get(path, headers);
        while (!(expected.test(reply.body())
                        && (how == null || how.equals(reply.header("X-Page-Cache"))))
                && System.nanoTime() < until) {
            Thread.sleep(50);
            reply = Http.get(path, headers);
        }
        assertThat(expected).as("the page as it was last").accepts(reply.body());
        if (how != null) {
            assertThat(reply.header("X-Page-Cache")).isEqualTo(how);
        }
        return reply;
    }

    private static String nonceOf(Http.Reply reply) {
        String policy =
                reply.headers().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase("Content-Security-Policy"))
                        .flatMap(e -> e.getValue().stream())
                        .filter(p -> p.contains("'nonce-"))
                        .findFirst()
                        .orElseThrow();
        Matcher m = Pattern.compile("'nonce-([^']+)'").matcher(policy);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The size's label element on a product page. */
    /** The product's card on a listing. */
    private static String cardOf(String body, String slug) {
        int at = body.indexOf("data-slug=\"" + slug + "\"");
        assertThat(at).as("the card of " + slug + " on the listing").isPositive();
        return body.substring(at, body.indexOf("</article>", at));
    }

    private static String sizeOf(String body, String sku) {
        int at = body.indexOf("data-sku=\"" + sku + "\"");
        assertThat(at).as("size " + sku + " on the page").isPositive();
        return body.substring(body.lastIndexOf("<label", at), body.indexOf(">", at) + 1);
    }
}
