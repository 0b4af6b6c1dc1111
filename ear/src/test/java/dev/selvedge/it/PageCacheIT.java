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
 * their own account link and bag count, dropped when the stock of a size they show changes, and
 * never older than the maximum age (3 s, less than 5 s to see) when something else, like a price,
 * changed.
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
    void aPriceChangeShowsWithinTheMaximumAge() throws Exception {
        Http.get(page);
        assertThat(Http.get(page).body()).contains("₹1,999");
        fixture.single(
                "UPDATE variant SET price_minor = 219900 WHERE product_id ="
                        + " (SELECT id FROM product WHERE slug = ?) RETURNING 1",
                fixture.linenShirt);
        long changed = System.nanoTime();
        awaitPage(body -> body.contains("₹2,199"));
        // The maximum age, plus the time to render it again and to ask.
        assertThat((System.nanoTime() - changed) / 1_000_000).isLessThan(5_000);
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
        long until = System.nanoTime() + 10_000_000_000L;
        Http.Reply reply = Http.get(page, headers);
        while (!(expected.test(reply.body())
                        && (how == null || how.equals(reply.header("X-Page-Cache"))))
                && System.nanoTime() < until) {
            Thread.sleep(50);
            reply = Http.get(page, headers);
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
    private static String sizeOf(String body, String sku) {
        int at = body.indexOf("data-sku=\"" + sku + "\"");
        assertThat(at).as("size " + sku + " on the page").isPositive();
        return body.substring(body.lastIndexOf("<label", at), body.indexOf(">", at) + 1);
    }
}
