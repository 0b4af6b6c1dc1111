package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bag over HTTP, as the product page's script and the mobile app use it, and the checkout pages
 * driven form by form: a guest's bag in its cookie, the refusals, the guest bag joining the
 * account's at sign-in, a session that ends mid-checkout, and "Place order" pressed twice at once.
 */
class CartIT extends ShopDeployment {

    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtp();

    private CatalogueFixture fixture;
    private String navyL;
    private String navyM;
    private String linen;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        navyL = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        navyM = fixture.sku(fixture.oxfordShirt, "Navy", "M");
        linen = fixture.sku(fixture.linenShirt, "White", "M");
        fixture.stockAt(navyL, fixture.storeCode(), 4);
        fixture.stockAt(navyM, fixture.storeCode(), 0);
        fixture.stockAt(linen, fixture.storeCode(), 6);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private static JsonObject json(FormClient.Page page) {
        return Json.createReader(new StringReader(page.html())).readObject();
    }

    private static FormClient.Page add(FormClient client, String sku, int quantity)
            throws Exception {
        return client.json(
                "POST",
                "/api/v1/cart/lines",
                "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"unitPrice\":1}");
    }

    private static Map<String, Integer> lines(FormClient client) throws Exception {
        JsonObject cart = json(client.json("GET", "/api/v1/cart", null));
        Map<String, Integer> lines = new java.util.TreeMap<>();
        cart.getJsonArray("lines")
                .forEach(
                        l ->
                                lines.put(
                                        l.asJsonObject().getString("sku"),
                                        l.asJsonObject().getInt("quantity")));
        return lines;
    }

    @Test
    void aGuestBagLivesInItsCookieAndRefusesWhatCannotBeSold() throws Exception {
        FormClient guest = new FormClient();
        FormClient.Page added = add(guest, navyL, 2);
        assertThat(added.status()).as(added.html()).isEqualTo(200);
        assertThat(guest.setCookies())
                .anySatisfy(
                        c ->
                                assertThat(c)
                                        .startsWith("bag=")
                                        .contains("HttpOnly")
                                        .contains("Secure")
                                        .contains("SameSite=Lax"));
        JsonObject cart = json(added);
        assertThat(cart.getInt("count")).isEqualTo(2);
        long unit =
                Long.parseLong(
                        fixture.single(
                                "SELECT COALESCE(sale_price_minor, price_minor) FROM variant WHERE sku = ?",
                                navyL));
        // The server's price, whatever the client sent.
        assertThat(cart.getJsonNumber("items").bigDecimalValue().movePointRight(2).longValue())
                .isEqualTo(unit * 2);
        assertThat(cart.getJsonArray("lines").getJsonObject(0).getInt("available")).isEqualTo(4);

        // Refusals, each naming the field and saying why.
        FormClient.Page zero = add(guest, navyL, 0);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(json(zero).getJsonObject("errors").getString("quantity"))
                .contains("from 1 to 10");
        assertThat(json(add(guest, navyL, -3)).getJsonObject("errors").getString("quantity"))
                .contains("from 1 to 10");
        FormClient.Page tooMany = add(guest, navyL, 3);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(json(tooMany).getJsonObject("errors").getString("quantity"))
                .isEqualTo("Only 4 left in size L, and 2 are in your bag already.");
        FormClient.Page soldOut = add(guest, navyM, 1);
        assertThat(json(soldOut).getJsonObject("errors").getString("sku"))
                .isEqualTo("Sorry, size M has just sold out.");
        assertThat(json(add(guest, "", 1)).getJsonObject("errors").getString("sku"))
                .isEqualTo("Choose a size.");
        assertThat(add(guest, "NO-SUCH-SKU", 1).status()).isEqualTo(404);
        assertThat(lines(guest)).containsExactly(Map.entry(navyL, 2));

        // Change, then remove; another browser (no cookie) has its own, empty bag.
        assertThat(guest.json("PUT", "/api/v1/cart/lines/" + navyL, "{\"quantity\":4}").status())
                .isEqualTo(200);
        assertThat(
                        json(guest.json("PUT", "/api/v1/cart/lines/" + navyL, "{\"quantity\":5}"))
                                .getJsonObject("errors")
                                .getString("quantity"))
                .isEqualTo("Only 4 left in size L.");
        assertThat(lines(guest)).containsExactly(Map.entry(navyL, 4));
        assertThat(lines(new FormClient())).isEmpty();
        assertThat(guest.json("DELETE", "/api/v1/cart/lines/" + navyL, null).status())
                .isEqualTo(200);
        assertThat(lines(guest)).isEmpty();

        // The bag shows a line that sold out meanwhile, and the checkout waits until it is fixed.
        add(guest, linen, 2);
        fixture.stockAt(linen, fixture.storeCode(), 1);
        JsonObject short1 = json(guest.json("GET", "/api/v1/cart", null));
        assertThat(short1.getBoolean("buyable")).isFalse();
        assertThat(short1.getJsonArray("lines").getJsonObject(0).getString("problem"))
                .isEqualTo("Only 1 left: lower the quantity to buy it.");
        FormClient.Page review = guest.get("/checkout/contact.xhtml");
        assertThat(review.status()).isEqualTo(200); // the steps can be filled in meanwhile

        // A form post from another site cannot change the bag: the API takes JSON only.
        assertThat(
                        Http.postForm(
                                        "/api/v1/cart/lines",
                                        "sku=" + linen + "&quantity=1",
                                        "Cookie",
                                        "bag=" + guest.cookie("bag"))
                                .status())
                .isEqualTo(415);
    }

    @Test
    void theGuestBagJoinsTheAccountBagAtSignInAndWaitsThereWhenTheSessionEnds() throws Exception {
        String password = "saffron-loom-harbour-27";
        String email = Accounts.register(smtp, "Meera Iyer", password);

        // Signed in on another device, the account's bag has one navy L.
        FormClient phone = Accounts.signedIn(email, password);
        assertThat(add(phone, navyL, 1).status()).isEqualTo(200);

        // As a guest on this device: two more navy L and a linen shirt.
        FormClient laptop = new FormClient();
        add(laptop, navyL, 2);
        add(laptop, linen, 1);
        String guestToken = laptop.cookie("bag");
        laptop.get("/sign-in.xhtml?next=/bag.xhtml");
        FormClient.Page signedIn =
                laptop.submit("signIn", "submit", Map.of("email", email, "password", password));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/bag.xhtml");

        // One bag now, quantities added up, under a new token.
        assertThat(lines(laptop)).isEqualTo(Map.of(navyL, 3, linen, 1));
        assertThat(lines(phone)).isEqualTo(Map.of(navyL, 3, linen, 1));
        assertThat(laptop.cookie("bag")).isNotEqualTo(guestToken);
        assertThat(
                        fixture.single(
                                "SELECT count(*) FROM cart WHERE token_hash = encode(sha256(?::bytea), 'hex')",
                                guestToken))
                .isEqualTo("0");

        // The session times out mid-checkout: the bag is neither lost nor shown to whoever is at
        // the keyboard; the shop asks to sign in again and comes back to the step.
        laptop.forget("JSESSIONID");
        assertThat(lines(laptop)).isEmpty();
        assertThat(laptop.get("/bag.xhtml").html()).contains("session-ended");
        FormClient.Page step = laptop.get("/checkout/address.xhtml");
        assertThat(step.status()).isEqualTo(302);
        assertThat(step.location())
                .contains("/sign-in.xhtml?ended=true&next=%2Fcheckout%2Faddress.xhtml");
        laptop.get(step.location());
        FormClient.Page back =
                laptop.submit("signIn", "submit", Map.of("email", email, "password", password));
        assertThat(back.location()).endsWith("/checkout/address.xhtml");
        assertThat(lines(laptop)).isEqualTo(Map.of(navyL, 3, linen, 1));

        // Signing out forgets the bag cookie: the next person here starts with an empty bag.
        laptop.get("/account/index.xhtml");
        laptop.submit("signOut", "submit", Map.of());
        assertThat(laptop.cookie("bag")).isNull();
        assertThat(lines(laptop)).isEmpty();
        assertThat(laptop.get("/bag.xhtml").html()).contains("bag-empty");
    }

    @Test
    void placeOrderPressedTwiceAtOnceMakesOneOrderAndADeclineKeepsTheBag() throws Exception {
        String email = "kabir-" + fixture.token + "@example.in";
        FormClient guest = new FormClient();
        add(guest, navyL, 2);

        // Declined: nothing charged, the stock back, the bag as it was.
        CheckoutPages.throughTheSteps(guest, email, "express", "test", "tok_declined");
        FormClient.Page declined = guest.submit("place", "placeOrder", Map.of());
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.html()).contains("Your payment did not go through");
        assertThat(fixture.level(navyL, fixture.storeCode())).containsExactly(4, 0);
        assertThat(lines(guest)).containsExactly(Map.entry(navyL, 2));

        // Another card; "Place order" pressed twice at the same moment.
        guest.get("/checkout/payment.xhtml");
        guest.submit("payment", "continue", Map.of("method", "test", "card", "tok_ok"));
        guest.get("/checkout/review.xhtml");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<FormClient.Page>> presses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            presses.add(() -> guest.submit("place", "placeOrder", Map.of()));
        }
        List<Future<FormClient.Page>> answers = pool.invokeAll(presses);
        pool.shutdown();
        for (Future<FormClient.Page> answer : answers) {
            FormClient.Page page = answer.get();
            assertThat(page.status()).as(page.html()).isIn(200, 302);
        }
        assertThat(
                        fixture.single(
                                "SELECT count(*) FROM customer_order WHERE email = ? AND status IN ('CONFIRMED', 'ALLOCATED')",
                                email))
                .isEqualTo("1");
        assertThat(fixture.level(navyL, fixture.storeCode())).containsExactly(2, 0);
        assertThat(lines(guest)).isEmpty();

        FormClient.Page confirmation = guest.get("/checkout/confirmation.xhtml");
        String number =
                fixture.single(
                        "SELECT order_number FROM customer_order WHERE email = ? AND status IN ('CONFIRMED', 'ALLOCATED')",
                        email);
        assertThat(confirmation.html()).contains(number).contains(email);
        assertThat(Mailbox.await(smtp, email, 1).getSubject())
                .isEqualTo("Your Selvedge order " + number);
        // Someone else's browser cannot read that confirmation.
        assertThat(new FormClient().get("/checkout/confirmation.xhtml").status()).isEqualTo(302);
    }

    @Test
    void aCheckoutStepOpenedTooEarlySendsTheShopperBackToTheFirstMissingOne() throws Exception {
        FormClient guest = new FormClient();
        assertThat(guest.get("/checkout/review.xhtml").location()).endsWith("/bag.xhtml");
        add(guest, linen, 1);
        assertThat(guest.get("/checkout/payment.xhtml").location())
                .endsWith("/checkout/contact.xhtml");
        guest.get("/checkout/contact.xhtml");
        FormClient.Page bad = guest.submit("contact", "continue", Map.of("email", "kabir@"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.html()).contains("Enter a valid email address").contains("value=\"kabir@\"");
        guest.submit("contact", "continue", Map.of("email", "kabir@example.in"));
        guest.get("/checkout/address.xhtml");
        FormClient.Page wrong =
                guest.submit("address", "continue", CheckoutPages.mumbai("040005", "12345"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.html())
                .contains("PIN code")
                .contains("value=\"040005\"")
                .contains("value=\"7 Hill Road\"");
        assertThat(guest.get("/checkout/review.xhtml").location())
                .endsWith("/checkout/address.xhtml");
    }
}
