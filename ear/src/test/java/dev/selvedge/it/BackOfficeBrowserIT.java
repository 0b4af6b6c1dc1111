package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A staff member in Chromium: signs in, reads a SKU's stock and ledger, closes a discrepancy a till
 * raised, replays a refused till event once the catalogue is fixed, issues and revokes a till key.
 */
class BackOfficeBrowserIT extends ShopDeployment {

    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension smtp = Mailbox.smtp();

    private CatalogueFixture fixture;
    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        fixture = CatalogueFixture.create();
        chromium = new Chromium("backoffice", 1440, 1000);
        browser = chromium.browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void close() throws Exception {
        chromium.close();
        fixture.close();
    }

    private Http.Reply till(String key, String eventId, String sku, int quantity) {
        return fixture.tillSale(key, eventId, sku, quantity);
    }

    private void signIn(String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("staff:email")));
        browser.findElement(By.id("staff:email")).clear();
        browser.findElement(By.id("staff:email")).sendKeys(System.getProperty("it.staff.user"));
        browser.findElement(By.id("staff:password")).sendKeys(password);
        browser.findElement(By.id("staff:sign-in")).click();
    }

    private String growl() {
        return wait.until(
                        ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector(".ui-growl-message")))
                .getText();
    }

    private void dismissGrowl() {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "document.querySelectorAll('.ui-growl-item-container').forEach(e => e.remove());");
    }

    private WebElement row(String tableId, String text) {
        return wait.until(
                ExpectedConditions.presenceOfElementLocated(
                        By.xpath(
                                "//*[@id='"
                                        + tableId
                                        + "']//tr[.//text()[contains(., '"
                                        + text
                                        + "')]]")));
    }

    @Test
    void staffReadStockCloseDiscrepanciesReplayRefusedEventsAndManageTillKeys() throws Exception {
        String key = fixture.issueTerminal("T1");
        String navyL = fixture.sku(fixture.oxfordShirt, "Navy", "L"); // 2 in the store
        String oversold = fixture.token + "-oversold";
        assertThat(till(key, oversold, navyL, 3).json().getInt("discrepancies")).isEqualTo(1);
        String missingSku = navyL + "X";
        String refused = fixture.token + "-refused";
        assertThat(till(key, refused, missingSku, 1).status()).isEqualTo(422);

        // Staff only: the back office asks for a sign-in, and a wrong password is told so.
        browser.get(ShopDeployment.baseUrl() + "/admin/stock.xhtml?sku=" + navyL);
        signIn("not-the-password");
        assertThat(
                        wait.until(
                                        ExpectedConditions.visibilityOfElementLocated(
                                                By.id("form-messages")))
                                .getText())
                .contains("do not match");
        browser.get(ShopDeployment.baseUrl() + "/admin/stock.xhtml?sku=" + navyL);
        signIn(System.getProperty("it.staff.password"));

        // The SKU's figures per location and its ledger, the till's sale on top.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sku-title"), navyL));
        assertThat(browser.findElement(By.id("staff-name")).getText())
                .isEqualTo(System.getProperty("it.staff.user"));
        assertThat(row("levels", fixture.storeCode()).getText())
                .startsWith(fixture.storeCode() + " 0 0");
        assertThat(row("ledger", oversold).getText()).contains("POS", "SALE", "2 → 0");
        assertThat(row("feeds", fixture.storeCode()).getText()).contains("live");
        chromium.screenshot("1-stock");

        // Close the discrepancy with what was found.
        WebElement discrepancy = row("discrepancyForm:discrepancies", oversold);
        assertThat(discrepancy.getText()).contains("2 / 3");
        discrepancy
                .findElement(By.cssSelector("input"))
                .sendKeys("Recount: 1 more was on the shelf");
        discrepancy.findElement(By.cssSelector("button")).click();
        assertThat(growl()).contains("Discrepancy closed");
        assertThat(
                        fixture.single(
                                "SELECT resolved_by || ': ' || resolution FROM stock_discrepancy WHERE event_id = ?",
                                oversold))
                .isEqualTo(
                        System.getProperty("it.staff.user") + ": Recount: 1 more was on the shelf");

        // The refused event waits on the POS page; replaying before the fix is refused again.
        browser.findElement(By.linkText("POS feeds")).click();
        WebElement letter = row("deadLetterForm:deadLetters", refused);
        assertThat(letter.getText()).contains("Unknown sku " + missingSku, "HTTP");
        chromium.screenshot("2-dead-letters");
        letter.findElement(By.cssSelector("button.replay")).click();
        assertThat(growl()).contains("Still refused");
        dismissGrowl();

        // The catalogue is fixed (the SKU was mistyped there); the replay now applies it once.
        fixture.connection()
                .createStatement()
                .executeUpdate(
                        "UPDATE variant SET sku = '"
                                + missingSku
                                + "' WHERE sku = '"
                                + navyL
                                + "'");
        fixture.stockAt(missingSku, fixture.storeCode(), 4);
        row("deadLetterForm:deadLetters", refused)
                .findElement(By.cssSelector("button.replay"))
                .click();
        assertThat(growl()).contains("Replayed", "applied");
        assertThat(fixture.level(missingSku, fixture.storeCode())[0]).isEqualTo(3);
        wait.until(
                ExpectedConditions.invisibilityOfElementLocated(
                        By.xpath(
                                "//*[@id='deadLetterForm:deadLetters']//tr[.//text()[contains(., '"
                                        + refused
                                        + "')]]")));
        dismissGrowl();

        // Issue a key for a new till: shown once, and it works; revoked, it stops working.
        browser.findElement(By.id("terminalForm:store")).click();
        wait.until(
                        ExpectedConditions.elementToBeClickable(
                                By.cssSelector(
                                        "#terminalForm\\:store_items li[data-label='"
                                                + fixture.storeCode()
                                                + "']")))
                .click();
        browser.findElement(By.id("terminalForm:terminal")).sendKeys("T7");
        browser.findElement(By.id("terminalForm:issue")).click();
        String issued =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-key")))
                        .getText();
        chromium.screenshot("3-issued-key");
        assertThat(issued).startsWith("pos_");
        assertThat(
                        Http.post("/api/v1/pos/heartbeats", "", "Authorization", "Bearer " + issued)
                                .status())
                .isEqualTo(204);
        browser.findElement(
                        By.cssSelector("#terminalForm\\:issuedDialog .ui-dialog-titlebar-close"))
                .click();
        row("terminalForm:terminals", "T7").findElement(By.cssSelector("button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
                .click();
        assertThat(growl()).contains("Key revoked");
        assertThat(
                        Http.post("/api/v1/pos/heartbeats", "", "Authorization", "Bearer " + issued)
                                .status())
                .isEqualTo(401);

        // The emails the shop sent: a shopper registers, and staff see the confirmation go out.
        String shopper = "emails-" + fixture.token + "@example.in";
        FormClient client = new FormClient();
        client.get("/register.xhtml");
        client.submit(
                "register",
                "submit",
                java.util.Map.of(
                        "name",
                        "Nila Das",
                        "email",
                        shopper,
                        "password",
                        "pebble-saffron-orbit-31"));
        Mailbox.await(smtp, shopper, 1);
        browser.get(ShopDeployment.baseUrl() + "/admin/mail.xhtml");
        WebElement mail = row("mailForm:mails", shopper);
        assertThat(mail.getText()).contains("Confirm your email for Selvedge").contains("Sent");
        // Demo mode (as the test domain runs): the text is shown, with its link.
        assertThat(mail.getText()).contains("/verify.xhtml?token=");
        chromium.screenshot("4-emails");

        // Orders with their payment attempts; a payment method switched off is refused at once.
        String checkout =
                """
                {"email":"%s","shippingAddress":{"name":"Nila Das","line1":"1 MG Road","city":"Pune",
                 "state":"Maharashtra","postalCode":"411001","country":"IN","phone":"9822012345"},
                 "shippingMethod":"standard","lines":[{"sku":"%s","quantity":1}],
                 "payment":{"method":"test","token":"tok_declined"}}
                """;
        fixture.stockAt(
                missingSku, fixture.storeCode(), 3); // The SKU as the catalogue fix named it.
        Http.Reply declined =
                Http.post(
                        "/api/v1/checkout",
                        checkout.formatted(shopper, missingSku),
                        "Idempotency-Key",
                        java.util.UUID.randomUUID().toString());
        assertThat(declined.status()).isEqualTo(402);
        String order = declined.json().getString("orderNumber");
        // A forged payment notification is refused, and kept where staff see it.
        String forgedEvent = "evt_forged_" + fixture.token;
        assertThat(
                        Http.post(
                                        "/api/v1/payments/stripe/webhook",
                                        "{\"id\":\"" + forgedEvent + "\",\"object\":\"event\"}",
                                        "Stripe-Signature",
                                        "t=1,v1=00")
                                .status())
                .isEqualTo(400);
        browser.get(ShopDeployment.baseUrl() + "/admin/orders.xhtml");
        assertThat(row("eventsForm:events", "BAD_SIGNATURE").getText())
                .contains("stripe")
                .contains("Stripe-Signature does not match");
        assertThat(row("ordersForm:orders", order).getText())
                .contains("PAYMENT_FAILED")
                .contains("test DECLINED")
                .contains("The card was declined");
        row("methodsForm:methods", "test").findElement(By.cssSelector(".switch-off")).click();
        assertThat(growl()).contains("test is no longer offered");
        dismissGrowl();
        chromium.screenshot("5-orders");
        Http.Reply whileOff =
                Http.post(
                        "/api/v1/checkout",
                        checkout.formatted(shopper, missingSku).replace("tok_declined", "tok_ok"),
                        "Idempotency-Key",
                        java.util.UUID.randomUUID().toString());
        assertThat(whileOff.status()).isEqualTo(400);
        assertThat(whileOff.json().getJsonObject("errors").getString("payment.method"))
                .doesNotContain("test");
        row("methodsForm:methods", "test").findElement(By.cssSelector(".switch-on")).click();
        assertThat(growl()).contains("test is offered to shoppers again");
        dismissGrowl();

        // Signing out ends the session: the back office asks for a sign-in again.
        chromium.press(browser.findElement(By.id("staffForm:sign-out"))); // The session has ended.
        browser.get(ShopDeployment.baseUrl() + "/admin/pos.xhtml");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("staff:email"))))
                .isNotNull();
    }
}
