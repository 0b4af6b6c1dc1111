package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
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
 * Staff on the Orders page (issue #12) in Chromium: find an order by the shopper's email, open its
 * timeline, cancel it with a reason (none is refused); the card's refund is refused by the provider
 * and shows as failed with its words; once mended, Retry refunds it.
 */
class OrderAdminBrowserIT extends ShopDeployment {

    private CatalogueFixture fixture;
    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private StaffBrowser staff;
    private String sku;

    @BeforeEach
    void open() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        fixture.stockAt(sku, fixture.storeCode(), 4);
        chromium = new Chromium("orders", 1440, 1000);
        browser = chromium.browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        staff = new StaffBrowser(browser, wait);
    }

    @AfterEach
    void close() throws Exception {
        chromium.close();
        fixture.close();
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
        String number = Checkouts.place(email, sku, 1, "test", "tok_norefund");
        String status = "SELECT status FROM customer_order WHERE order_number = ?";
        assertThat(fixture.await(status, "ALLOCATED", number)).isEqualTo("ALLOCATED");

        staff.open("/admin/orders.xhtml");

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
        assertThat(staff.growl()).contains("Give the reason");
        assertThat(fixture.single(status, number)).isEqualTo("ALLOCATED");

        browser.findElement(By.id("orderForm:cancel-reason"))
                .sendKeys("Shopper phoned: wrong address");
        browser.findElement(By.id("orderForm:cancel-order")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("orderForm:confirm-yes"))).click();
        assertThat(staff.growl()).contains("is cancelled", "being refunded");
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
        assertThat(fixture.await(refund, "FAILED", number)).isEqualTo("FAILED");
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
        assertThat(staff.growl()).contains("asked again");
        assertThat(fixture.await(refund, "REFUNDED", number)).isEqualTo("REFUNDED");
        browser.get(ShopDeployment.baseUrl() + "/admin/orders.xhtml");
        assertThat(browser.findElement(By.id("failedForm:failed")).getText())
                .doesNotContain(number);
        chromium.screenshot("2-refunded");
    }
}
