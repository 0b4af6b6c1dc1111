package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A warehouse associate at desktop size in Chromium: finds the paid order's parcel on the
 * fulfilment page, scans its units (a wrong scan is refused), packs it, sees it booked with the
 * store's own riders, prints the packing slip and hands it over; the order follows every step.
 */
class FulfilmentBrowserIT extends ShopDeployment {

    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension smtp = Mailbox.smtp();

    private CatalogueFixture fixture;
    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private String sku;
    private String warehouse;

    @BeforeEach
    void open() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        warehouse = fixture.addWarehouse();
        fixture.stockAt(sku, warehouse, 5);
        chromium = new Chromium("fulfilment", 1440, 1000);
        browser = chromium.browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void close() throws Exception {
        chromium.close();
        fixture.close();
    }

    private String paidOrder() {
        Http.Reply placed =
                Http.post(
                        "/api/v1/checkout",
                        """
                        {"email":"pack-%s@example.in",
                         "shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",
                           "state":"Karnataka","postalCode":"560038","country":"IN","phone":"9845012345"},
                         "shippingMethod":"standard",
                         "lines":[{"sku":"%s","quantity":2,"unitPrice":1}],
                         "payment":{"method":"test","token":"tok_ok"},
                         "total":1, "currency":"USD"}
                        """
                                .formatted(fixture.token, sku),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().getString("orderNumber");
    }

    private String status(String number) throws Exception {
        return fixture.single("SELECT status FROM customer_order WHERE order_number = ?", number);
    }

    private String awaitStatus(String number, String expected) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        String now = status(number);
        while (!expected.equals(now) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            now = status(number);
        }
        return now;
    }

    private String growl() {
        String text =
                wait.until(
                                ExpectedConditions.visibilityOfElementLocated(
                                        By.cssSelector(".ui-growl-message")))
                        .getText();
        ((JavascriptExecutor) browser)
                .executeScript(
                        "document.querySelectorAll('.ui-growl-item-container').forEach(e => e.remove());");
        return text;
    }

    private void scan(String code) {
        var field = wait.until(ExpectedConditions.elementToBeClickable(By.id("parcelForm:scan")));
        field.clear();
        field.sendKeys(code);
        browser.findElement(By.id("parcelForm:pick")).click();
    }

    @Test
    void anAssociatePicksPacksPrintsAndHandsOverAParcel() throws Exception {
        String number = paidOrder();
        assertThat(awaitStatus(number, "ALLOCATED")).isEqualTo("ALLOCATED");

        browser.get(ShopDeployment.baseUrl() + "/admin/fulfilment.xhtml?location=" + warehouse);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("staff:email")));
        browser.findElement(By.id("staff:email")).sendKeys(System.getProperty("it.staff.user"));
        browser.findElement(By.id("staff:password"))
                .sendKeys(System.getProperty("it.staff.password"));
        browser.findElement(By.id("staff:sign-in")).click();

        var row =
                wait.until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.xpath(
                                        "//*[@id='parcelsForm:parcels']//tr[.//text()[contains(., '"
                                                + number
                                                + "')]]")));
        assertThat(row.getText()).contains("TO_PICK", "0 / 2 picked", "Asha Rao");
        assertThat(browser.findElement(By.id("stage-TO_PICK")).getText()).contains("1");
        chromium.screenshot("1-to-pick");
        row.findElement(By.cssSelector("button.open-parcel")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("parcel-status"), "TO_PICK"));

        // The first unit by its barcode, the second by its SKU; a third is refused, as is a
        // code that is no product of the shop.
        scan(fixture.barcode(sku));
        assertThat(growl()).contains("Picked " + sku, "1 of 2");
        assertThat(awaitStatus(number, "PICKING")).isEqualTo("PICKING");
        scan(sku);
        assertThat(growl()).contains("2 of 2", "Every unit is picked");
        scan(sku);
        assertThat(growl()).contains("Every unit of " + sku + " is picked already");
        scan("NO-SUCH-THING");
        assertThat(growl()).contains("No SKU or barcode NO-SUCH-THING");
        chromium.screenshot("2-picked");

        // Weigh, box and pack with the store's own riders: booked at once (nothing to call).
        var weight =
                wait.until(
                        ExpectedConditions.elementToBeClickable(By.id("parcelForm:weight_input")));
        weight.sendKeys("450");
        assertThat(browser.findElement(By.id("parcelForm:carrier")).getText()).isNotBlank();
        browser.findElement(By.id("parcelForm:pack")).click();
        assertThat(growl()).contains("Packed");
        assertThat(awaitStatus(number, "PACKED")).isEqualTo("PACKED");
        String parcel =
                "SELECT s.status FROM shipment s JOIN customer_order o ON o.id = s.order_id WHERE o.order_number = ?";
        long deadline = System.currentTimeMillis() + 15_000;
        while (!"BOOKED".equals(fixture.single(parcel, number))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(fixture.single(parcel, number)).isEqualTo("BOOKED");

        browser.get(
                ShopDeployment.baseUrl()
                        + "/admin/fulfilment.xhtml?location="
                        + warehouse
                        + "&stage=TO_HAND_OVER");
        row =
                wait.until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.xpath(
                                        "//*[@id='parcelsForm:parcels']//tr[.//text()[contains(., '"
                                                + number
                                                + "')]]")));
        assertThat(row.getText()).contains("BOOKED", "manual", number + "-1");
        row.findElement(By.cssSelector("button.open-parcel")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("parcel-status"), "BOOKED"));
        chromium.screenshot("3-booked");

        // The packing slip is a PDF the browser opens (the staff member's session is enough).
        String href = browser.findElement(By.id("slip")).getAttribute("href");
        Object head =
                ((JavascriptExecutor) browser)
                        .executeAsyncScript(
                                "const done = arguments[arguments.length - 1];"
                                        + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b =>"
                                        + " done(r.status + ' ' + r.headers.get('content-type') + ' '"
                                        + " + String.fromCharCode(...new Uint8Array(b).slice(0, 5)))));",
                                href);
        assertThat(head).isEqualTo("200 application/pdf %PDF-");

        browser.findElement(By.id("parcelForm:hand-over")).click();
        assertThat(growl()).contains("Handed over");
        assertThat(awaitStatus(number, "SHIPPED")).isEqualTo("SHIPPED");
        assertThat(
                        fixture.single(
                                "SELECT string_agg(e.to_status || ':' || e.actor_kind, ',' ORDER BY e.at) FROM order_event e"
                                        + " JOIN customer_order o ON o.id = e.order_id WHERE o.order_number = ?",
                                number))
                .endsWith("ALLOCATED:SYSTEM,PICKING:STAFF,PACKED:STAFF,SHIPPED:STAFF");
        chromium.screenshot("4-handed-over");

        // The pick list of the warehouse no longer has it.
        browser.get(ShopDeployment.baseUrl() + "/admin/pick-list.xhtml?location=" + warehouse);
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(number);

        // The shopper hears it has shipped, and follows it on the order page on a phone.
        String email = "pack-" + fixture.token + "@example.in";
        var shipped = Mailbox.await(smtp, email, 2);
        assertThat(shipped.getSubject())
                .isEqualTo("Your Selvedge order " + number + " has shipped");
        assertThat(Mailbox.body(shipped)).contains("tracking number " + number + "-1");
        String link = Mailbox.link(shipped, "/orders/" + number + "?t=");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(link);
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("order-status"), "Shipped"));
        assertThat(browser.findElement(By.id("parcel-0")).getText())
                .contains("With the courier", "tracking number", number + "-1", "2 × ");
        assertThat(browser.findElements(By.id("cancel"))).isEmpty();
        // Nothing wider than the phone (a scrollbar may make the page narrower than the window).
        assertThat(
                        (Long)
                                ((JavascriptExecutor) browser)
                                        .executeScript(
                                                "return document.documentElement.scrollWidth - window.innerWidth;"))
                .isLessThanOrEqualTo(0L);
        chromium.screenshot("5-shopper-order-page-phone");
    }
}
