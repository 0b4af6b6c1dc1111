package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Staff on the Orders page (issue #12) in Chromium: find an order by the shopper's email, open its
 * timeline, cancel it with a reason (none is refused); the card's refund is refused by the provider
 * and shows as failed with its words; once mended, Retry refunds it.
 */
class OrderAdminBrowserIT extends ShopDeployment {

    private CatalogueFixture fixture;
    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private String sku;

    @BeforeEach
    void open() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        fixture.stockAt(sku, fixture.storeCode(), 4);
        chromium = new Chromium("orders", 1440, 1000);
        browser = chromium.browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void close() throws Exception {
        chromium.close();
        fixture.close();
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

    private String await(String sql, String expected, Object... values) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        String now = fixture.single(sql, values);
        while (!expected.equals(now) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            now = fixture.single(sql, values);
        }
        return now;
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
    void staffFindCancelWithAReasonAndRetryARefusedRefund() throws Exception {
        String email = "staff-cancel-" + fixture.token + "@example.in";
        Http.Reply placed =
                Http.post(
                        "/api/v1/checkout",
                        """
                        {"email":"%s",
                         "shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",
                           "state":"Karnataka","postalCode":"560038","country":"IN","phone":"9845012345"},
                         "shippingMethod":"standard",
                         "lines":[{"sku":"%s","quantity":1,"unitPrice":1}],
                         "payment":{"method":"test","token":"tok_norefund"},
                         "total":1, "currency":"USD"}
                        """
                                .formatted(email, sku),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String number = placed.json().getString("orderNumber");
        String status = "SELECT status FROM customer_order WHERE order_number = ?";
        assertThat(await(status, "ALLOCATED", number)).isEqualTo("ALLOCATED");

        browser.get(ShopDeployment.baseUrl() + "/admin/orders.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("staff:email")));
        browser.findElement(By.id("staff:email")).sendKeys(System.getProperty("it.staff.user"));
        browser.findElement(By.id("staff:password"))
                .sendKeys(System.getProperty("it.staff.password"));
        browser.findElement(By.id("staff:sign-in")).click();

        // Found by part of the shopper's email, through the table's filter (from the database).
        WebElement filter =
                wait.until(
                        ExpectedConditions.elementToBeClickable(
                                By.cssSelector(
                                        "#ordersForm\\:orders thead input.ui-column-filter")));
        filter.sendKeys("staff-cancel-" + fixture.token);
        wait.until(
                ExpectedConditions.numberOfElementsToBe(
                        By.cssSelector("#ordersForm\\:orders tbody tr"), 1));
        row("ordersForm:orders", number).findElement(By.cssSelector("button.open-order")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("orderForm:timeline"), "ALLOCATED"));
        assertThat(browser.findElement(By.id("orderForm:timeline")).getText())
                .contains("SYSTEM fulfilment", "1 parcel");

        // No reason, no cancel.
        browser.findElement(By.id("orderForm:cancel-order")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("orderForm:confirm-yes"))).click();
        assertThat(growl()).contains("Give the reason");
        assertThat(fixture.single(status, number)).isEqualTo("ALLOCATED");

        browser.findElement(By.id("orderForm:cancel-reason"))
                .sendKeys("Shopper phoned: wrong address");
        browser.findElement(By.id("orderForm:cancel-order")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("orderForm:confirm-yes"))).click();
        assertThat(growl()).contains("is cancelled", "being refunded");
        assertThat(fixture.single(status, number)).isEqualTo("CANCELLED");
        assertThat(
                        fixture.single(
                                "SELECT e.actor_kind || ' ' || e.actor || ' ' || e.reason FROM order_event e"
                                        + " JOIN customer_order o ON o.id = e.order_id"
                                        + " WHERE o.order_number = ? AND e.to_status = 'CANCELLED'",
                                number))
                .isEqualTo(
                        "STAFF "
                                + System.getProperty("it.staff.user")
                                + " Shopper phoned: wrong address");
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(4, 0);

        // The provider refuses the refund: FAILED with its words, listed for staff.
        String refund =
                "SELECT r.status FROM order_refund r JOIN customer_order o ON o.id = r.order_id"
                        + " WHERE o.order_number = ?";
        assertThat(await(refund, "FAILED", number)).isEqualTo("FAILED");
        browser.get(ShopDeployment.baseUrl() + "/admin/orders.xhtml");
        WebElement failed = row("failedForm:failed", number);
        assertThat(failed.getText()).contains("CANCELLED", "refuses refunds");
        chromium.screenshot("1-refund-failed");

        // Mended at the provider; Retry asks again and it is refunded, once.
        try (PreparedStatement st =
                fixture.connection()
                        .prepareStatement(
                                "UPDATE order_refund SET payment_reference = 'test_mended'"
                                        + " WHERE order_id = (SELECT id FROM customer_order WHERE order_number = ?)")) {
            st.setString(1, number);
            st.executeUpdate();
        }
        failed.findElement(By.cssSelector("button.retry-refund")).click();
        assertThat(growl()).contains("asked again");
        assertThat(await(refund, "REFUNDED", number)).isEqualTo("REFUNDED");
        browser.get(ShopDeployment.baseUrl() + "/admin/orders.xhtml");
        assertThat(browser.findElement(By.id("failedForm:failed")).getText())
                .doesNotContain(number);
        chromium.screenshot("2-refunded");
    }
}
