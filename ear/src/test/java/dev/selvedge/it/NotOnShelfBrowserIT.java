package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A unit not on the shelf (issue #12), in Chromium: the warehouse picks one of two units and finds
 * no second; the parcel keeps what was picked, the warehouse's figure is corrected in the ledger,
 * and the missing unit is sold and sent from the store that has it. When no location has it, the
 * order is parked for staff with the reason.
 */
class NotOnShelfBrowserIT extends ShopDeployment {

    private CatalogueFixture fixture;
    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private StaffBrowser staff;
    private String warehouse;

    @BeforeEach
    void open() throws Exception {
        fixture = CatalogueFixture.create();
        warehouse = fixture.addWarehouse();
        chromium = new Chromium("shelf", 1440, 1000);
        browser = chromium.browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        staff = new StaffBrowser(browser, wait);
    }

    @AfterEach
    void close() throws Exception {
        chromium.close();
        fixture.close();
    }

    private String order(String sku, int quantity) {
        return Checkouts.place(
                "shelf-" + fixture.token + "@example.in", sku, quantity, "test", "tok_ok");
    }

    private String parcels(String number) throws Exception {
        return fixture.single(
                "SELECT string_agg(l.code || ':' || s.status || ':' || sl.picked || '/' || sl.quantity, ','"
                        + " ORDER BY s.id) FROM shipment s JOIN customer_order o ON o.id = s.order_id"
                        + " JOIN location l ON l.id = s.location_id"
                        + " LEFT JOIN shipment_line sl ON sl.shipment_id = s.id WHERE o.order_number = ?",
                number);
    }

    private void openParcel(String number) {
        staff.open("/admin/fulfilment.xhtml?location=" + warehouse);
        wait.until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.xpath(
                                        "//*[@id='parcelsForm:parcels']//tr[.//text()[contains(., '"
                                                + number
                                                + "')]]")))
                .findElement(By.cssSelector("button.open-parcel"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("parcel-status")));
    }

    private void notOnShelf() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.not-on-shelf")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirmForm:confirm-yes")))
                .click();
    }

    @Test
    void theMissingUnitGoesFromTheStoreOrTheOrderIsParkedWhenNobodyHasIt() throws Exception {
        String sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        fixture.stockAt(sku, warehouse, 2);
        fixture.stockAt(sku, fixture.storeCode(), 5);
        String number = order(sku, 2);
        assertThat(
                        fixture.await(
                                "SELECT status FROM customer_order WHERE order_number = ?",
                                "ALLOCATED",
                                number))
                .isEqualTo("ALLOCATED");
        assertThat(parcels(number)).isEqualTo(warehouse + ":TO_PICK:0/2");

        // One unit found, the second is not there.
        openParcel(number);
        var scan = wait.until(ExpectedConditions.elementToBeClickable(By.id("parcelForm:scan")));
        scan.sendKeys(sku);
        browser.findElement(By.id("parcelForm:pick")).click();
        assertThat(staff.growl()).contains("1 of 2");
        chromium.screenshot("1-one-of-two-picked");
        notOnShelf();
        assertThat(staff.growl())
                .contains("1 × " + sku + " will be sent from " + fixture.storeCode());

        // The parcel keeps its unit; the store sends the other.
        assertThat(
                        fixture.await(
                                "SELECT count(*) FROM shipment s JOIN customer_order o ON o.id = s.order_id WHERE o.order_number = ?",
                                "2",
                                number))
                .isEqualTo("2");
        assertThat(parcels(number))
                .isEqualTo(warehouse + ":PICKING:1/1," + fixture.storeCode() + ":TO_PICK:0/1");
        // The ledger: the warehouse's sale of the missing unit moved away, the unit written off,
        // its figure as the shelf is (none); the store sold one.
        assertThat(
                        fixture.single(
                                "SELECT string_agg(m.event_type || ' ' || (m.on_hand_after - m.on_hand_before) || ' ' || l.code, ','"
                                        + " ORDER BY m.id) FROM stock_movement m JOIN location l ON l.id = m.location_id"
                                        + " JOIN variant v ON v.id = m.variant_id"
                                        + " WHERE v.sku = ? AND m.event_id = ? AND m.on_hand_after <> m.on_hand_before",
                                sku,
                                number))
                .isEqualTo(
                        "SALE -2 "
                                + warehouse
                                + ",REALLOCATE 1 "
                                + warehouse
                                + ",NOT_ON_SHELF -1 "
                                + warehouse
                                + ",SALE -1 "
                                + fixture.storeCode());
        assertThat(fixture.level(sku, warehouse)[0]).isEqualTo(0);
        assertThat(fixture.level(sku, fixture.storeCode())[0]).isEqualTo(4);

        // Another order whose unit no other location has: parked with the reason.
        String only = fixture.sku(fixture.oxfordShirt, "Navy", "M");
        fixture.stockAt(only, warehouse, 1);
        fixture.stockAt(only, fixture.storeCode(), 0);
        String second = order(only, 1);
        assertThat(
                        fixture.await(
                                "SELECT status FROM customer_order WHERE order_number = ?",
                                "ALLOCATED",
                                second))
                .isEqualTo("ALLOCATED");
        openParcel(second);
        notOnShelf();
        assertThat(staff.growl())
                .contains("No other location has it", "flagged under Parked messages");
        assertThat(
                        fixture.await(
                                "SELECT count(*) FROM parked_message WHERE body LIKE ?",
                                "1",
                                "%" + second + "%"))
                .isEqualTo("1");
        assertThat(
                        fixture.single(
                                "SELECT reason FROM parked_message WHERE body LIKE ?",
                                "%" + second + "%"))
                .contains("no other location has them");
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("parkedForm:parked")).getText())
                .contains(second, "no other location has them");
        chromium.screenshot("2-parked-nobody-has-it");
    }
}
