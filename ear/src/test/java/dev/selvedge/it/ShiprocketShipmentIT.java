package dev.selvedge.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A parcel's way with Shiprocket (issue #12), against a WireMock fake of its API that checks the
 * exact requests: packed in the back office, booked through an outage (retried with a growing pause
 * until Shiprocket answers), refused bookings left failed with Shiprocket's words and a parked
 * message until staff book again; then Shiprocket's tracking webhooks, with its token, move the
 * parcel to the shopper's door while the shopper follows it on a phone. Repeats, late and unknown
 * statuses change nothing; a forged token or an AWB not ours is refused and kept.
 */
class ShiprocketShipmentIT extends ShopDeployment {

    static final String TOKEN = "sr_webhook_token_selvedge_it";

    @RegisterExtension
    static WireMockExtension shiprocket =
            WireMockExtension.newInstance()
                    .options(wireMockConfig().port(Integer.getInteger("it.shiprocket.port", 20094)))
                    .build();

    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtp();

    private CatalogueFixture fixture;
    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private StaffBrowser staff;
    private String sku;
    private String warehouse;

    @BeforeEach
    void open() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        warehouse = fixture.addWarehouse();
        fixture.stockAt(sku, fixture.storeCode(), 0);
        fixture.stockAt(sku, warehouse, 5);
        shiprocket.stubFor(
                post("/v1/external/auth/login")
                        .withRequestBody(
                                equalToJson(
                                        "{\"email\": \"api@selvedge.test\","
                                                + " \"password\": \"sr_password_selvedge_it\"}"))
                        .willReturn(okJson("{\"id\": 7, \"token\": \"sr-session-1\"}")));
        shiprocket.stubFor(
                get(urlPathEqualTo("/v1/external/orders"))
                        .willReturn(okJson("{\"data\": [], \"meta\": {}}")));
        shiprocket.stubFor(
                post("/v1/external/courier/generate/label")
                        .willReturn(
                                okJson(
                                        "{\"label_created\": 1, \"label_url\": \""
                                                + shiprocket.baseUrl()
                                                + "/labels/label.pdf\", \"not_created\": []}")));
        shiprocket.stubFor(
                get("/labels/label.pdf")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/pdf")
                                        .withBody("%PDF-1.4 Shiprocket label")));
        chromium = new Chromium("shiprocket", 1440, 1000);
        browser = chromium.browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        staff = new StaffBrowser(browser, wait);
    }

    @AfterEach
    void close() throws Exception {
        chromium.close();
        fixture.close();
    }

    private String email() {
        return "sr-" + fixture.token + "@example.in";
    }

    private String paidOrder() {
        return Checkouts.place(email(), sku, 1, "test", "tok_ok");
    }

    private String parcelStatus(String number) throws Exception {
        return fixture.single(
                "SELECT s.status FROM shipment s JOIN customer_order o ON o.id = s.order_id"
                        + " WHERE o.order_number = ?",
                number);
    }

    private String awaitParcel(String number, String expected) throws Exception {
        return fixture.await(
                "SELECT s.status FROM shipment s JOIN customer_order o ON o.id = s.order_id"
                        + " WHERE o.order_number = ?",
                expected,
                number);
    }

    private String awaitOrder(String number, String expected) throws Exception {
        return fixture.await(
                "SELECT status FROM customer_order WHERE order_number = ?", expected, number);
    }

    private void signIn() {
        staff.open("/admin/fulfilment.xhtml?location=" + warehouse);
    }

    private void openParcel(String stage, String number) {
        browser.get(
                ShopDeployment.baseUrl()
                        + "/admin/fulfilment.xhtml?location="
                        + warehouse
                        + "&stage="
                        + stage);
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

    /** Picks the parcel's unit, weighs it and packs it for Shiprocket. */
    private void packForShiprocket(String number) {
        openParcel("TO_PICK", number);
        var scan = wait.until(ExpectedConditions.elementToBeClickable(By.id("parcelForm:scan")));
        scan.sendKeys(sku);
        browser.findElement(By.id("parcelForm:pick")).click();
        assertThat(staff.growl()).contains("1 of 1");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("parcelForm:weight_input")))
                .sendKeys("600");
        // The carrier menu's own select, as PrimeFaces posts it.
        ((JavascriptExecutor) browser)
                .executeScript(
                        "document.getElementById('parcelForm:carrier_input').value = 'shiprocket';");
        browser.findElement(By.id("parcelForm:pack")).click();
        assertThat(staff.growl()).contains("Packed");
    }

    private Http.Reply track(String body, String token) {
        return Http.post("/api/v1/carriers/shiprocket/tracking", body, "x-api-key", token);
    }

    private static String webhook(String awb, String number, String status, String at) {
        return """
               {"awb": "%s", "courier_name": "Delhivery Surface", "current_status": "%s",
                "shipment_status": "%s", "current_timestamp": "%s", "order_id": "%s-1",
                "scans": [{"date": "2026-12-07 10:00:00", "activity": "%s", "location": "Bengaluru_Hub (Karnataka)"}],
                "is_return": 0}
               """
                .formatted(awb, status, status, at, number, status);
    }

    private void phone(String link, String status, String shot) throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(link);
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"), status));
        chromium.screenshot(shot);
        browser.manage().window().setSize(new Dimension(1440, 1000));
    }

    @Test
    void bookedThroughAnOutageThenTrackedToTheDoorByShiprocketsWebhooks() throws Exception {
        // Shiprocket is down twice, then takes the order.
        shiprocket.stubFor(
                post("/v1/external/orders/create/adhoc")
                        .inScenario("outage")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("down once"));
        shiprocket.stubFor(
                post("/v1/external/orders/create/adhoc")
                        .inScenario("outage")
                        .whenScenarioStateIs("down once")
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("up"));
        shiprocket.stubFor(
                post("/v1/external/orders/create/adhoc")
                        .inScenario("outage")
                        .whenScenarioStateIs("up")
                        .willReturn(
                                okJson(
                                        "{\"order_id\": 880001, \"shipment_id\": 770001,"
                                                + " \"status\": \"NEW\", \"awb_code\": null}")));
        String awb = "SR" + (System.nanoTime() % 10_000_000_000L);
        shiprocket.stubFor(
                post("/v1/external/courier/assign/awb")
                        .withRequestBody(equalToJson("{\"shipment_id\": 770001}"))
                        .willReturn(
                                okJson(
                                        "{\"awb_assign_status\": 1, \"response\": {\"data\":"
                                                + " {\"awb_code\": \""
                                                + awb
                                                + "\", \"courier_name\": \"Delhivery Surface\","
                                                + " \"shipment_id\": 770001}}}")));

        String number = paidOrder();
        assertThat(awaitOrder(number, "ALLOCATED")).isEqualTo("ALLOCATED");
        signIn();
        packForShiprocket(number);

        assertThat(awaitParcel(number, "BOOKED")).isEqualTo("BOOKED");
        // Three tries of the order, the last one taken, with the exact order and the session.
        shiprocket.verify(3, postRequestedFor(urlEqualTo("/v1/external/orders/create/adhoc")));
        shiprocket.verify(
                postRequestedFor(urlEqualTo("/v1/external/orders/create/adhoc"))
                        .withHeader("Authorization", equalTo("Bearer sr-session-1"))
                        .withRequestBody(matchingJsonPath("$.order_id", equalTo(number + "-1")))
                        .withRequestBody(matchingJsonPath("$.pickup_location", equalTo(warehouse)))
                        .withRequestBody(
                                matchingJsonPath("$.billing_customer_name", equalTo("Asha Rao")))
                        .withRequestBody(matchingJsonPath("$.billing_pincode", equalTo("560038")))
                        .withRequestBody(matchingJsonPath("$.payment_method", equalTo("Prepaid")))
                        .withRequestBody(matchingJsonPath("$.order_items[0].sku", equalTo(sku)))
                        .withRequestBody(matchingJsonPath("$[?(@.weight == 0.6)]")));
        shiprocket.verify(
                getRequestedFor(urlPathEqualTo("/v1/external/orders"))
                        .withQueryParam("search", equalTo(number + "-1")));
        assertThat(
                        fixture.single(
                                "SELECT s.awb || ' ' || s.courier || ' ' || s.booking_tries || ' '"
                                        + " || (SELECT count(*) FROM shipment_label l WHERE l.shipment_id = s.id)"
                                        + " FROM shipment s JOIN customer_order o ON o.id = s.order_id WHERE o.order_number = ?",
                                number))
                .isEqualTo(awb + " Delhivery Surface 3 1");

        openParcel("TO_HAND_OVER", number);
        browser.findElement(By.id("parcelForm:hand-over")).click();
        assertThat(staff.growl()).contains("Handed over");
        assertThat(awaitOrder(number, "SHIPPED")).isEqualTo("SHIPPED");
        var shipped = Mailbox.await(smtp, email(), 2);
        assertThat(Mailbox.body(shipped)).contains(awb);
        String link = Mailbox.link(shipped, "/orders/" + number + "?t=");
        phone(link, "Shipped", "1-shipped-phone");

        // Shiprocket pushes: out for delivery (once applied, its repeat changes nothing).
        String out = webhook(awb, number, "OUT FOR DELIVERY", "07 12 2026 09:30:00");
        assertThat(track(out, TOKEN).body()).isEqualTo("{\"applied\":1,\"repeats\":0}");
        assertThat(track(out, TOKEN).body()).isEqualTo("{\"applied\":0,\"repeats\":1}");
        assertThat(awaitOrder(number, "OUT_FOR_DELIVERY")).isEqualTo("OUT_FOR_DELIVERY");
        // A late "in transit" from before is kept in the history but moves nothing back.
        assertThat(track(webhook(awb, number, "IN TRANSIT", "06 12 2026 18:00:00"), TOKEN).status())
                .isEqualTo(200);
        // A status the shop does not know is kept and shown, and changes nothing.
        assertThat(
                        track(
                                        webhook(
                                                awb,
                                                number,
                                                "MISROUTED TO HUB",
                                                "07 12 2026 10:00:00"),
                                        TOKEN)
                                .status())
                .isEqualTo(200);
        assertThat(parcelStatus(number)).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(
                        fixture.single(
                                "SELECT string_agg(t.carrier_status || ':' || t.step, ',' ORDER BY t.at)"
                                        + " FROM shipment_tracking t JOIN shipment s ON s.id = t.shipment_id"
                                        + " JOIN customer_order o ON o.id = s.order_id WHERE o.order_number = ?",
                                number))
                .isEqualTo(
                        "IN TRANSIT:IN_TRANSIT,OUT FOR DELIVERY:OUT_FOR_DELIVERY,MISROUTED TO HUB:UNKNOWN");
        phone(link, "Out for delivery", "2-out-for-delivery-phone");

        // Forged, or about a parcel that is not ours: refused, kept for staff, nothing changes.
        Http.Reply forged =
                track(webhook(awb, number, "DELIVERED", "07 12 2026 11:00:00"), "guessed-token");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        Http.Reply stranger =
                track(webhook("NOT-OURS-1", number, "DELIVERED", "07 12 2026 11:00:00"), TOKEN);
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(parcelStatus(number)).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(
                        fixture.single(
                                "SELECT string_agg(outcome, ',' ORDER BY id) FROM carrier_webhook"
                                        + " WHERE body LIKE ? AND outcome IN ('BAD_SIGNATURE', 'UNKNOWN_AWB')",
                                "%" + number + "-1%"))
                .isEqualTo("BAD_SIGNATURE,UNKNOWN_AWB");

        // Delivered: the shopper is told and the page says so.
        assertThat(track(webhook(awb, number, "DELIVERED", "07 12 2026 12:15:00"), TOKEN).body())
                .isEqualTo("{\"applied\":1,\"repeats\":0}");
        assertThat(awaitOrder(number, "DELIVERED")).isEqualTo("DELIVERED");
        assertThat(Mailbox.await(smtp, email(), 4).getSubject()).contains("delivered");
        phone(link, "Delivered", "3-delivered-phone");
        assertThat(
                        fixture.single(
                                "SELECT string_agg(e.to_status || ':' || e.actor_kind, ',' ORDER BY e.at) FROM order_event e"
                                        + " JOIN customer_order o ON o.id = e.order_id WHERE o.order_number = ?",
                                number))
                .endsWith("SHIPPED:STAFF,OUT_FOR_DELIVERY:CARRIER,DELIVERED:CARRIER");

        // Staff see the refused messages with why.
        browser.get(ShopDeployment.baseUrl() + "/admin/fulfilment.xhtml?location=" + warehouse);
        assertThat(browser.findElement(By.id("refusedForm:refused")).getText())
                .contains("BAD_SIGNATURE", "UNKNOWN_AWB", "NOT-OURS-1");
        chromium.screenshot("4-refused-tracking");
    }

    @Test
    void aRefusedBookingWaitsWithShiprocketsWordsUntilStaffBookAgain() throws Exception {
        shiprocket.stubFor(
                post("/v1/external/orders/create/adhoc")
                        .inScenario("refusal")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                aResponse()
                                        .withStatus(422)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"message\": \"Oops! Invalid Data.\", \"errors\":"
                                                        + " {\"billing_pincode\": [\"Pincode is not serviceable\"]},"
                                                        + " \"status_code\": 422}")));
        String number = paidOrder();
        assertThat(awaitOrder(number, "ALLOCATED")).isEqualTo("ALLOCATED");
        signIn();
        packForShiprocket(number);

        assertThat(awaitParcel(number, "BOOKING_FAILED")).isEqualTo("BOOKING_FAILED");
        // Refused once, not retried: Shiprocket's words for staff, and the message parked.
        shiprocket.verify(1, postRequestedFor(urlEqualTo("/v1/external/orders/create/adhoc")));
        assertThat(
                        fixture.single(
                                "SELECT s.carrier_message FROM shipment s JOIN customer_order o ON o.id = s.order_id"
                                        + " WHERE o.order_number = ?",
                                number))
                .contains("Pincode is not serviceable");
        openParcel("PROBLEMS", number);
        assertThat(browser.findElement(By.id("parcelForm:parcel-message")).getText())
                .contains("Pincode is not serviceable");
        chromium.screenshot("5-booking-refused");

        // Mended at Shiprocket: Book again, and it is booked.
        shiprocket.stubFor(
                post("/v1/external/orders/create/adhoc")
                        .inScenario("refusal")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                okJson(
                                        "{\"order_id\": 880002, \"shipment_id\": 770002,"
                                                + " \"status\": \"NEW\", \"awb_code\": \"SRX"
                                                + fixture.token
                                                + "\", \"courier_name\": \"Xpressbees\"}")));
        browser.findElement(By.id("parcelForm:book-again")).click();
        assertThat(staff.growl()).contains("Booking again");
        assertThat(awaitParcel(number, "BOOKED")).isEqualTo("BOOKED");
        assertThat(
                        fixture.single(
                                "SELECT s.awb FROM shipment s JOIN customer_order o ON o.id = s.order_id"
                                        + " WHERE o.order_number = ?",
                                number))
                .isEqualTo("SRX" + fixture.token);
    }
}
