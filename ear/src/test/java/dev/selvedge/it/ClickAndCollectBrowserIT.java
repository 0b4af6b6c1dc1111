package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Click and collect (issue #12) in Chromium: store staff pick an order and put it on the collection
 * shelf, the shopper gets a pickup code and shows it (a wrong one is refused), cash is taken at the
 * counter; a parcel picked at the warehouse travels to the store first; an order nobody collects is
 * reminded after 3 days and, past the store's hold, cancelled: back on the store's shelf and
 * refunded.
 */
class ClickAndCollectBrowserIT extends ShopDeployment {

    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtp();

    private CatalogueFixture fixture;
    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private StaffBrowser staff;
    private String sku;
    private String store;
    private String warehouse;

    @BeforeEach
    void open() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        store = fixture.storeCode();
        warehouse = fixture.addWarehouse();
        chromium = new Chromium("collect", 1440, 1000);
        browser = chromium.browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        staff = new StaffBrowser(browser, wait);
    }

    @AfterEach
    void close() throws Exception {
        chromium.close();
        fixture.close();
    }

    private String email(String who) {
        return who + "-" + fixture.token + "@example.in";
    }

    private String collectOrder(String email, String method) {
        return Checkouts.place(email, sku, 2, method, "tok_ok", store);
    }

    private String awaitStatus(String number, String expected) throws Exception {
        return fixture.await(
                "SELECT status FROM customer_order WHERE order_number = ?", expected, number);
    }

    private void signIn(String location) {
        staff.open("/admin/fulfilment.xhtml?location=" + location);
    }

    private WebElement openParcel(String location, String stage, String number, String status) {
        browser.get(
                ShopDeployment.baseUrl()
                        + "/admin/fulfilment.xhtml?location="
                        + location
                        + "&stage="
                        + stage);
        WebElement row =
                wait.until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.xpath(
                                        "//*[@id='parcelsForm:parcels']//tr[.//text()[contains(., '"
                                                + number
                                                + "')]]")));
        row.findElement(By.cssSelector("button.open-parcel")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("parcel-status"), status));
        return row;
    }

    /** Scans both units of the open parcel. */
    private void pickBoth() {
        for (int i = 0; i < 2; i++) {
            var field =
                    wait.until(ExpectedConditions.elementToBeClickable(By.id("parcelForm:scan")));
            field.clear();
            field.sendKeys(sku);
            browser.findElement(By.id("parcelForm:pick")).click();
            assertThat(staff.growl()).contains((i + 1) + " of 2");
        }
    }

    private void handOver(String number, String code) {
        browser.get(
                ShopDeployment.baseUrl()
                        + "/admin/fulfilment.xhtml?location="
                        + store
                        + "&stage=COLLECTION");
        var order =
                wait.until(
                        ExpectedConditions.elementToBeClickable(
                                By.id("collectForm:collect-order")));
        order.clear();
        order.sendKeys(number);
        var field = browser.findElement(By.id("collectForm:collect-code"));
        field.clear();
        field.sendKeys(code);
        browser.findElement(By.id("collectForm:collect")).click();
    }

    private static String codeIn(MimeMessage mail) {
        Matcher m = Pattern.compile("counter: (\\d{6})").matcher(Mailbox.body(mail));
        assertThat(m.find()).as(Mailbox.body(mail)).isTrue();
        return m.group(1);
    }

    @Test
    void theStorePicksTheShopperCollectsWithTheCodeAndPaysAtTheCounter() throws Exception {
        // The store has every unit, the warehouse too: the pickup store sends it, in one parcel.
        fixture.stockAt(sku, store, 3);
        fixture.stockAt(sku, warehouse, 5);
        String shopper = email("collect");
        String number = collectOrder(shopper, "cod");
        assertThat(awaitStatus(number, "ALLOCATED")).isEqualTo("ALLOCATED");
        assertThat(
                        fixture.single(
                                "SELECT string_agg(l.code, ',') FROM shipment s JOIN location l ON l.id = s.location_id"
                                        + " JOIN customer_order o ON o.id = s.order_id WHERE o.order_number = ?",
                                number))
                .isEqualTo(store);

        signIn(store);
        WebElement row = openParcel(store, "TO_PICK", number, "TO_PICK");
        assertThat(row.getText()).contains("Collect at " + store);
        pickBoth();
        // Not packed for a carrier: it is put on the collection shelf.
        assertThat(browser.findElements(By.id("parcelForm:pack"))).isEmpty();
        chromium.screenshot("1-picked-at-store");
        browser.findElement(By.id("parcelForm:ready")).click();
        assertThat(staff.growl()).contains("Ready for pickup");
        assertThat(awaitStatus(number, "READY_FOR_PICKUP")).isEqualTo("READY_FOR_PICKUP");

        MimeMessage ready = Mailbox.await(smtp, shopper, 2);
        assertThat(ready.getSubject())
                .isEqualTo("Your Selvedge order " + number + " is ready to collect");
        String code = codeIn(ready);
        assertThat(code)
                .isEqualTo(
                        fixture.single(
                                "SELECT pickup_code FROM customer_order WHERE order_number = ?",
                                number));
        assertThat(Mailbox.body(ready)).contains("We keep it for you until ");

        // The shopper's phone shows the code.
        String link = Mailbox.link(ready, "/orders/" + number + "?t=");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(link);
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("order-status"), "Ready to collect"));
        assertThat(browser.findElement(By.id("pickup-code")).getText()).isEqualTo(code);
        assertThat(browser.findElement(By.id("order-payment")).getText())
                .startsWith("Pay when you collect");
        chromium.screenshot("2-shopper-pickup-code-phone");
        browser.manage().window().setSize(new Dimension(1440, 1000));

        // At the counter: a wrong code changes nothing; the right one hands it over.
        String wrong = code.equals("000000") ? "111111" : "000000";
        handOver(number, wrong);
        assertThat(staff.growl()).contains("not the pickup code of order " + number);
        assertThat(awaitStatus(number, "READY_FOR_PICKUP")).isEqualTo("READY_FOR_PICKUP");
        chromium.screenshot("3-wrong-code-refused");
        handOver(number, code);
        assertThat(staff.growl()).contains("Collected");
        assertThat(awaitStatus(number, "COLLECTED")).isEqualTo("COLLECTED");
        assertThat(
                        fixture.single(
                                "SELECT a.status || ' ' || a.amount_minor || ' ' || a.message FROM payment_attempt a"
                                        + " JOIN customer_order o ON o.id = a.order_id"
                                        + " WHERE o.order_number = ? AND a.status = 'APPROVED'",
                                number))
                .isEqualTo(
                        "APPROVED "
                                + fixture.single(
                                        "SELECT total_minor FROM customer_order WHERE order_number = ?",
                                        number)
                                + " Paid at the store on collection");
        assertThat(
                        fixture.single(
                                "SELECT string_agg(e.to_status || ':' || e.actor_kind, ',' ORDER BY e.at) FROM order_event e"
                                        + " JOIN customer_order o ON o.id = e.order_id WHERE o.order_number = ?",
                                number))
                .endsWith("ALLOCATED:SYSTEM,PICKING:STAFF,READY_FOR_PICKUP:STAFF,COLLECTED:STAFF");
        // A second hand-over is refused.
        handOver(number, code);
        assertThat(staff.growl()).contains("not waiting to be collected");
        browser.get(link);
        assertThat(browser.findElement(By.id("order-payment")).getText())
                .startsWith("Paid at the store");
    }

    @Test
    void aParcelFromTheWarehouseGoesToTheStoreAndIfNobodyComesItIsRefundedAndRestocked()
            throws Exception {
        // Only the warehouse has it: picked there, sent to the store, received, then forgotten.
        fixture.stockAt(sku, store, 0);
        fixture.stockAt(sku, warehouse, 5);
        String shopper = email("forgot");
        String number = collectOrder(shopper, "test");
        assertThat(awaitStatus(number, "ALLOCATED")).isEqualTo("ALLOCATED");

        signIn(warehouse);
        openParcel(warehouse, "TO_PICK", number, "TO_PICK");
        pickBoth();
        assertThat(browser.findElement(By.id("parcelForm:ready")).getText())
                .isEqualTo("Send to " + store);
        browser.findElement(By.id("parcelForm:ready")).click();
        assertThat(staff.growl()).contains("Sent to the store");
        assertThat(awaitStatus(number, "PICKING")).isEqualTo("PICKING");
        // The warehouse cannot receive it for the store.
        assertThat(browser.findElements(By.id("parcelForm:received"))).isEmpty();
        // On its way to the store it can no longer be cancelled: refused with the reason.
        String confirmation =
                Mailbox.link(Mailbox.await(smtp, shopper, 1), "/orders/" + number + "?t=");
        Http.Reply refused =
                Http.post(
                        "/api/v1/orders/" + number + "/cancellation",
                        "{\"reason\":\"Changed my mind\"}",
                        "X-Order-Token",
                        confirmation.substring(confirmation.indexOf("?t=") + 3));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("on its way to, or waiting at");
        assertThat(
                        fixture.single(
                                "SELECT status FROM customer_order WHERE order_number = ?", number))
                .isEqualTo("PICKING");

        openParcel(store, "COLLECTION", number, "TO_STORE");
        chromium.screenshot("4-arriving-at-store");
        browser.findElement(By.id("parcelForm:received")).click();
        assertThat(staff.growl()).contains("Received");
        assertThat(awaitStatus(number, "READY_FOR_PICKUP")).isEqualTo("READY_FOR_PICKUP");
        MimeMessage ready = Mailbox.await(smtp, shopper, 2);
        assertThat(ready.getSubject()).endsWith("is ready to collect");
        String code = codeIn(ready);

        // Three days later the shopper is reminded, once, with the same code.
        fixture.execute(
                "UPDATE customer_order SET ready_at = now() - interval '4 days' WHERE order_number = ?",
                number);
        MimeMessage reminder = Mailbox.await(smtp, shopper, 3);
        assertThat(reminder.getSubject())
                .isEqualTo(
                        "Reminder: your Selvedge order "
                                + number
                                + " is waiting at "
                                + fixture.single(
                                        "SELECT name FROM location WHERE code = ?", store));
        assertThat(codeIn(reminder)).isEqualTo(code);

        // Past the store's hold (7 days): cancelled, back on the store's shelf, refunded.
        int[] before = fixture.level(sku, store);
        fixture.execute(
                "UPDATE customer_order SET ready_at = now() - interval '8 days' WHERE order_number = ?",
                number);
        assertThat(awaitStatus(number, "NOT_COLLECTED")).isEqualTo("NOT_COLLECTED");
        assertThat(fixture.level(sku, store)[0]).isEqualTo(before[0] + 2);
        assertThat(fixture.level(sku, warehouse)[0]).isEqualTo(3);
        assertThat(
                        fixture.single(
                                "SELECT string_agg(m.event_type || ' ' || (m.on_hand_after - m.on_hand_before) || ' ' || l.code, ',')"
                                        + " FROM stock_movement m JOIN location l ON l.id = m.location_id"
                                        + " WHERE m.event_id = ? AND m.event_type = 'NOT_COLLECTED'"
                                        + " AND m.on_hand_after <> m.on_hand_before",
                                number))
                .isEqualTo("NOT_COLLECTED 2 " + store);
        assertThat(
                        fixture.await(
                                "SELECT r.status || ' ' || r.cause FROM order_refund r"
                                        + " JOIN customer_order o ON o.id = r.order_id WHERE o.order_number = ?",
                                "REFUNDED NOT_COLLECTED",
                                number))
                .isEqualTo("REFUNDED NOT_COLLECTED");
        MimeMessage gone = Mailbox.await(smtp, shopper, 4);
        assertThat(gone.getSubject())
                .isEqualTo("Your Selvedge order " + number + " was not collected");
        assertThat(Mailbox.body(gone)).contains("We are refunding");
        // Not reminded twice, and nothing more after the end.
        assertThat(Mailbox.to(smtp, shopper)).hasSize(4);
        assertThat(
                        fixture.single(
                                "SELECT string_agg(s.status, ',') FROM shipment s"
                                        + " JOIN customer_order o ON o.id = s.order_id WHERE o.order_number = ?",
                                number))
                .isEqualTo("NOT_COLLECTED");
    }
}
