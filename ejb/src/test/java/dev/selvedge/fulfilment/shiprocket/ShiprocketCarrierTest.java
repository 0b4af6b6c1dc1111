package dev.selvedge.fulfilment.shiprocket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.selvedge.customer.PostalAddress;
import dev.selvedge.fulfilment.CarrierBooking;
import dev.selvedge.fulfilment.CarrierFailure;
import dev.selvedge.fulfilment.CarrierQuote;
import dev.selvedge.fulfilment.ParcelRequest;
import dev.selvedge.fulfilment.TrackingUpdate;
import dev.selvedge.fulfilment.TrackingUpdate.Step;
import dev.selvedge.payment.BadSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests {@link ShiprocketCarrier} sends to a fake Shiprocket, and what it makes of answers.
 */
class ShiprocketCarrierTest {

    static final String REFERENCE = "SV-100019-1";
    static final Instant NOW = Instant.parse("2025-03-03T04:00:00Z");

    static final ParcelRequest PARCEL =
            new ParcelRequest(
                    REFERENCE,
                    "SV-100019",
                    Instant.parse("2025-03-01T05:30:00Z"), // 11:00 in India
                    "Bengaluru WH",
                    new PostalAddress(
                            "Asha Rao",
                            "12 MG Road",
                            "Flat 4",
                            "Bengaluru",
                            "Karnataka",
                            "560001",
                            "IN",
                            "+91 98450 12345"),
                    "asha@example.com",
                    List.of(
                            new ParcelRequest.Item("KUR-M-RED", "Kurta red M", 2, 129900, 5),
                            new ParcelRequest.Item("DUP-1", "Dupatta", 1, 49900, 12)),
                    309700,
                    "INR",
                    false,
                    750,
                    30,
                    22,
                    8);

    static final String ADHOC_ORDER =
            """
            {
              "order_id": "SV-100019-1",
              "order_date": "2025-03-01 11:00",
              "pickup_location": "Bengaluru WH",
              "billing_customer_name": "Asha Rao",
              "billing_address": "12 MG Road",
              "billing_address_2": "Flat 4",
              "billing_city": "Bengaluru",
              "billing_pincode": "560001",
              "billing_state": "Karnataka",
              "billing_country": "India",
              "billing_email": "asha@example.com",
              "billing_phone": "9845012345",
              "shipping_is_billing": true,
              "order_items": [
                {"name": "Kurta red M", "sku": "KUR-M-RED", "units": 2, "selling_price": 1299.00, "tax": 5},
                {"name": "Dupatta", "sku": "DUP-1", "units": 1, "selling_price": 499.00, "tax": 12}
              ],
              "payment_method": "Prepaid",
              "sub_total": 3097.00,
              "length": 30,
              "breadth": 22,
              "height": 8,
              "weight": 0.750
            }
            """;

    WireMockServer shiprocket;
    ShiprocketCarrier carrier;

    @BeforeEach
    void start() {
        shiprocket = new WireMockServer(options().dynamicPort());
        shiprocket.start();
        carrier = carrier(Duration.ofSeconds(5));
        shiprocket.stubFor(
                post("/v1/external/auth/login")
                        .withRequestBody(
                                equalToJson(
                                        "{\"email\": \"api@selvedge.test\", \"password\": \"pw\"}"))
                        .willReturn(okJson("{\"id\": 1, \"token\": \"tok-1\"}")));
    }

    @AfterEach
    void stop() {
        shiprocket.stop();
    }

    ShiprocketCarrier carrier(Duration timeout) {
        return new ShiprocketCarrier(
                shiprocket.baseUrl(),
                timeout,
                "https://track.example/{awb}",
                "api@selvedge.test",
                "pw",
                "hook-secret",
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    void noOrderYet() {
        shiprocket.stubFor(
                get(urlPathEqualTo("/v1/external/orders"))
                        .withQueryParam("search", equalTo(REFERENCE))
                        .willReturn(okJson("{\"data\": [], \"meta\": {}}")));
    }

    void labelFor(long shipmentId, String path) {
        shiprocket.stubFor(
                post("/v1/external/courier/generate/label")
                        .withRequestBody(equalToJson("{\"shipment_id\": [" + shipmentId + "]}"))
                        .willReturn(
                                okJson(
                                        "{\"label_created\": 1, \"label_url\": \""
                                                + shiprocket.baseUrl()
                                                + path
                                                + "\", \"not_created\": []}")));
    }

    @Test
    void aBookingMakesTheOrderAssignsAnAwbAndHasTheLabelMade() {
        noOrderYet();
        shiprocket.stubFor(
                post("/v1/external/orders/create/adhoc")
                        .willReturn(
                                okJson(
                                        "{\"order_id\": 16161616, \"shipment_id\": 15151515,"
                                                + " \"status\": \"NEW\", \"awb_code\": null,"
                                                + " \"courier_name\": null}")));
        shiprocket.stubFor(
                post("/v1/external/courier/assign/awb")
                        .withRequestBody(equalToJson("{\"shipment_id\": 15151515}"))
                        .willReturn(
                                okJson(
                                        "{\"awb_assign_status\": 1, \"response\": {\"data\":"
                                                + " {\"awb_code\": \"321055706540\", \"courier_name\":"
                                                + " \"Delhivery Surface\", \"shipment_id\": 15151515}}}")));
        labelFor(15151515, "/labels/15151515.pdf");

        CarrierBooking booking = carrier.book(PARCEL);

        assertThat(booking)
                .isEqualTo(
                        new CarrierBooking(
                                "321055706540",
                                "15151515",
                                "Delhivery Surface",
                                "https://track.example/321055706540",
                                shiprocket.baseUrl() + "/labels/15151515.pdf"));
        shiprocket.verify(
                postRequestedFor(urlEqualTo("/v1/external/orders/create/adhoc"))
                        .withHeader("Authorization", equalTo("Bearer tok-1"))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson(ADHOC_ORDER)));
        shiprocket.verify(
                getRequestedFor(urlPathEqualTo("/v1/external/orders"))
                        .withHeader("Authorization", equalTo("Bearer tok-1")));
        shiprocket.verify(
                postRequestedFor(urlEqualTo("/v1/external/courier/assign/awb"))
                        .withHeader("Authorization", equalTo("Bearer tok-1")));
        shiprocket.verify(1, postRequestedFor(urlEqualTo("/v1/external/auth/login")));
    }

    @Test
    void aReferenceShiprocketHasAlreadyGoesOnWithItsShipment() {
        shiprocket.stubFor(
                get(urlPathEqualTo("/v1/external/orders"))
                        .withQueryParam("search", equalTo(REFERENCE))
                        .willReturn(
                                okJson(
                                        """
                                        {"data": [
                                          {"id": 2, "channel_order_id": "SV-100019-12", "status": "NEW",
                                           "shipments": [{"id": 999, "awb": "", "courier": ""}]},
                                          {"id": 1, "channel_order_id": "SV-100019-1", "status": "READY TO SHIP",
                                           "shipments": [{"id": 15151515, "awb": "321055706540",
                                                          "courier": "Delhivery Surface"}]}
                                        ]}
                                        """)));
        labelFor(15151515, "/labels/15151515.pdf");

        CarrierBooking booking = carrier.book(PARCEL);

        assertThat(booking.awb()).isEqualTo("321055706540");
        assertThat(booking.carrierReference()).isEqualTo("15151515");
        assertThat(booking.courier()).isEqualTo("Delhivery Surface");
        shiprocket.verify(0, postRequestedFor(urlEqualTo("/v1/external/orders/create/adhoc")));
        shiprocket.verify(0, postRequestedFor(urlEqualTo("/v1/external/courier/assign/awb")));
    }

    @Test
    void aReferenceShiprocketHasWithoutAwbGetsItsAwbWithoutASecondOrder() {
        shiprocket.stubFor(
                get(urlPathEqualTo("/v1/external/orders"))
                        .willReturn(
                                okJson(
                                        "{\"data\": [{\"channel_order_id\": \"SV-100019-1\","
                                                + " \"status\": \"NEW\", \"shipments\": [{\"id\":"
                                                + " 15151515, \"awb\": \"\"}]}]}")));
        shiprocket.stubFor(
                post("/v1/external/courier/assign/awb")
                        .withRequestBody(equalToJson("{\"shipment_id\": 15151515}"))
                        .willReturn(
                                okJson(
                                        "{\"awb_assign_status\": 1, \"response\": {\"data\":"
                                                + " {\"awb_code\": \"321055706540\", \"courier_name\":"
                                                + " \"Xpressbees Surface\"}}}")));
        labelFor(15151515, "/labels/15151515.pdf");

        assertThat(carrier.book(PARCEL).awb()).isEqualTo("321055706540");
        shiprocket.verify(0, postRequestedFor(urlEqualTo("/v1/external/orders/create/adhoc")));
    }

    @Test
    void aCancelledOrderUnderTheReferenceIsARefusal() {
        shiprocket.stubFor(
                get(urlPathEqualTo("/v1/external/orders"))
                        .willReturn(
                                okJson(
                                        "{\"data\": [{\"channel_order_id\": \"SV-100019-1\","
                                                + " \"status\": \"CANCELED\", \"shipments\": [{\"id\":"
                                                + " 15151515}]}]}")));

        CarrierFailure failure =
                catchThrowableOfType(CarrierFailure.class, () -> carrier.book(PARCEL));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("cancelled");
        shiprocket.verify(0, postRequestedFor(urlEqualTo("/v1/external/orders/create/adhoc")));
    }

    @Test
    void aServerErrorCanBeRetried() {
        noOrderYet();
        shiprocket.stubFor(
                post("/v1/external/orders/create/adhoc")
                        .willReturn(
                                aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        CarrierFailure failure =
                catchThrowableOfType(CarrierFailure.class, () -> carrier.book(PARCEL));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("502");
    }

    @Test
    void noAnswerInTimeCanBeRetried() {
        ShiprocketCarrier impatient = carrier(Duration.ofMillis(200));
        noOrderYet();
        shiprocket.stubFor(
                post("/v1/external/orders/create/adhoc")
                        .willReturn(okJson("{\"shipment_id\": 1}").withFixedDelay(1500)));

        CarrierFailure failure =
                catchThrowableOfType(CarrierFailure.class, () -> impatient.book(PARCEL));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("did not answer");
    }

    @Test
    void aRefusalCannotBeRetriedAndSaysWhy() {
        noOrderYet();
        shiprocket.stubFor(
                post("/v1/external/orders/create/adhoc")
                        .willReturn(
                                aResponse()
                                        .withStatus(422)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"message\": \"Oops! Invalid Data.\", \"errors\":"
                                                        + " {\"pickup_location\": [\"Wrong Pickup"
                                                        + " location entered.\"]}, \"status_code\":"
                                                        + " 422}")));

        CarrierFailure failure =
                catchThrowableOfType(CarrierFailure.class, () -> carrier.book(PARCEL));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage())
                .contains("HTTP 422")
                .contains("Oops! Invalid Data.")
                .contains("Wrong Pickup location entered.");
    }

    @Test
    void noAwbFromTheCourierIsARefusal() {
        noOrderYet();
        shiprocket.stubFor(
                post("/v1/external/orders/create/adhoc")
                        .willReturn(okJson("{\"order_id\": 1, \"shipment_id\": 15151515}")));
        shiprocket.stubFor(
                post("/v1/external/courier/assign/awb")
                        .willReturn(
                                okJson(
                                        "{\"awb_assign_status\": 0, \"response\": {\"data\":"
                                                + " {\"awb_assign_error\": \"Selected courier is not"
                                                + " serviceable\"}}}")));

        CarrierFailure failure =
                catchThrowableOfType(CarrierFailure.class, () -> carrier.book(PARCEL));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("Selected courier is not serviceable");
    }

    @Test
    void anExpiredTokenMeansOneNewLogin() {
        shiprocket.stubFor(
                post("/v1/external/auth/login")
                        .inScenario("token")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(okJson("{\"token\": \"tok-1\"}"))
                        .willSetStateTo("renewed"));
        shiprocket.stubFor(
                post("/v1/external/auth/login")
                        .inScenario("token")
                        .whenScenarioStateIs("renewed")
                        .willReturn(okJson("{\"token\": \"tok-2\"}")));
        shiprocket.stubFor(
                get("/v1/external/courier/track/awb/321055706540")
                        .withHeader("Authorization", equalTo("Bearer tok-1"))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"message\": \"Token has expired\"}")));
        shiprocket.stubFor(
                get("/v1/external/courier/track/awb/321055706540")
                        .withHeader("Authorization", equalTo("Bearer tok-2"))
                        .willReturn(okJson("{\"tracking_data\": {\"track_status\": 0}}")));

        assertThat(carrier.track(booking())).isEmpty();
        assertThat(carrier.track(booking())).isEmpty();

        shiprocket.verify(2, postRequestedFor(urlEqualTo("/v1/external/auth/login")));
        shiprocket.verify(
                1,
                getRequestedFor(urlEqualTo("/v1/external/courier/track/awb/321055706540"))
                        .withHeader("Authorization", equalTo("Bearer tok-1")));
        shiprocket.verify(
                2,
                getRequestedFor(urlEqualTo("/v1/external/courier/track/awb/321055706540"))
                        .withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void aTokenRefusedAfterANewLoginIsNotTriedAgain() {
        shiprocket.stubFor(
                get("/v1/external/courier/track/awb/321055706540")
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"message\": \"Unauthenticated.\"}")));

        CarrierFailure failure =
                catchThrowableOfType(CarrierFailure.class, () -> carrier.track(booking()));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("Unauthenticated.");
        shiprocket.verify(2, postRequestedFor(urlEqualTo("/v1/external/auth/login")));
        shiprocket.verify(
                2, getRequestedFor(urlEqualTo("/v1/external/courier/track/awb/321055706540")));
    }

    @Test
    void theLabelPdfIsDownloadedWithoutShiprocketsToken() {
        byte[] pdf = "%PDF-1.4 label".getBytes(StandardCharsets.US_ASCII);
        shiprocket.stubFor(
                get("/labels/15151515.pdf")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/pdf")
                                        .withBody(pdf)));

        assertThat(carrier.labelPdf(booking())).isEqualTo(pdf);
        shiprocket.verify(
                getRequestedFor(urlEqualTo("/labels/15151515.pdf")).withoutHeader("Authorization"));
    }

    @Test
    void aStaleLabelLinkMeansANewLabel() {
        byte[] pdf = "%PDF-1.4 new label".getBytes(StandardCharsets.US_ASCII);
        shiprocket.stubFor(get("/labels/15151515.pdf").willReturn(aResponse().withStatus(403)));
        labelFor(15151515, "/labels/15151515-2.pdf");
        shiprocket.stubFor(get("/labels/15151515-2.pdf").willReturn(aResponse().withBody(pdf)));

        assertThat(carrier.labelPdf(booking())).isEqualTo(pdf);
    }

    @Test
    void cancellingSendsTheAwb() {
        shiprocket.stubFor(
                post("/v1/external/orders/cancel/shipment/awbs")
                        .willReturn(
                                okJson(
                                        "{\"message\": \"Bulk Shipment cancellation is in progress.\"}")));

        carrier.cancel(booking());

        shiprocket.verify(
                postRequestedFor(urlEqualTo("/v1/external/orders/cancel/shipment/awbs"))
                        .withHeader("Authorization", equalTo("Bearer tok-1"))
                        .withRequestBody(equalToJson("{\"awbs\": [\"321055706540\"]}")));
    }

    @Test
    void aPickupIsAskedForEachShipment() {
        shiprocket.stubFor(
                post("/v1/external/courier/generate/pickup")
                        .willReturn(okJson("{\"pickup_status\": 1, \"response\": {}}")));
        CarrierBooking other =
                new CarrierBooking("321055706541", "15151516", "Delhivery Surface", null, null);

        carrier.requestPickup(List.of(booking(), other));

        shiprocket.verify(
                postRequestedFor(urlEqualTo("/v1/external/courier/generate/pickup"))
                        .withRequestBody(equalToJson("{\"shipment_id\": [15151515]}")));
        shiprocket.verify(
                postRequestedFor(urlEqualTo("/v1/external/courier/generate/pickup"))
                        .withRequestBody(equalToJson("{\"shipment_id\": [15151516]}")));
    }

    @Test
    void aQuoteAsksForTheCouriersFromThePickupLocationsPinCode() {
        shiprocket.stubFor(
                get("/v1/external/settings/company/pickup")
                        .willReturn(
                                okJson(
                                        "{\"data\": {\"shipping_address\": [{\"pickup_location\":"
                                                + " \"Bengaluru WH\", \"pin_code\": \"560068\"}]}}")));
        shiprocket.stubFor(
                get(urlPathEqualTo("/v1/external/courier/serviceability/"))
                        .withQueryParam("pickup_postcode", equalTo("560068"))
                        .withQueryParam("delivery_postcode", equalTo("560001"))
                        .withQueryParam("weight", equalTo("0.750"))
                        .withQueryParam("cod", equalTo("0"))
                        .willReturn(
                                okJson(
                                        """
                                        {"currency": "INR", "status": 200, "data": {"available_courier_companies": [
                                          {"courier_name": "Delhivery Surface", "rate": 54, "estimated_delivery_days": "4"},
                                          {"courier_name": "Ecom Express Surface 2kg", "rate": 150.12, "estimated_delivery_days": "6"}
                                        ]}}
                                        """)));

        List<CarrierQuote> quotes = carrier.quote(PARCEL);

        assertThat(quotes)
                .containsExactly(
                        new CarrierQuote("Delhivery Surface", 5400, "INR", 4),
                        new CarrierQuote("Ecom Express Surface 2kg", 15012, "INR", 6));
    }

    @Test
    void trackingMapsShiprocketsStatusesOldestFirstInIndiaTime() {
        shiprocket.stubFor(
                get("/v1/external/courier/track/awb/321055706540")
                        .willReturn(
                                okJson(
                                        """
                                        {"tracking_data": {"track_status": 1, "shipment_status": 7,
                                          "shipment_track_activities": [
                                            {"date": "2025-03-04 11:37:00", "status": "DLVD", "activity": "Delivered",
                                             "location": "MADANPALLI", "sr-status": "7", "sr-status-label": "DELIVERED"},
                                            {"date": "2025-03-04 08:57:00", "status": "OFD", "activity": "Out for Delivery",
                                             "location": "MADANPALLI", "sr-status": "17", "sr-status-label": "OUT FOR DELIVERY"},
                                            {"date": "2025-03-03 21:02:00", "status": "ZZ", "activity": "Parcel weighed again",
                                             "location": "BLR/FC1", "sr-status": "99", "sr-status-label": "WEIGHT RECHECKED"},
                                            {"date": "2025-03-03 20:28:00", "status": "IT", "activity": "InTransit",
                                             "location": "BLR/FC1", "sr-status": "18", "sr-status-label": "IN TRANSIT"},
                                            {"date": "2025-03-03 13:50:00", "status": "PUD", "activity": "PickDone",
                                             "location": "BANGALORE", "sr-status": "42", "sr-status-label": "PICKED UP"},
                                            {"date": "2025-03-03 09:51:00", "status": "DRC", "activity": "Pending Manifest Data Received",
                                             "location": "BANGALORE", "sr-status": "NA", "sr-status-label": "NA"}
                                          ]}}
                                        """)));

        List<TrackingUpdate> updates = carrier.track(booking());

        assertThat(updates)
                .extracting(TrackingUpdate::carrierStatus, TrackingUpdate::step, TrackingUpdate::at)
                .containsExactly(
                        tuple(
                                "Pending Manifest Data Received",
                                Step.UNKNOWN,
                                Instant.parse("2025-03-03T04:21:00Z")),
                        tuple("PICKED UP", Step.PICKED_UP, Instant.parse("2025-03-03T08:20:00Z")),
                        tuple("IN TRANSIT", Step.IN_TRANSIT, Instant.parse("2025-03-03T14:58:00Z")),
                        tuple(
                                "WEIGHT RECHECKED",
                                Step.UNKNOWN,
                                Instant.parse("2025-03-03T15:32:00Z")),
                        tuple(
                                "OUT FOR DELIVERY",
                                Step.OUT_FOR_DELIVERY,
                                Instant.parse("2025-03-04T03:27:00Z")),
                        tuple("DELIVERED", Step.DELIVERED, Instant.parse("2025-03-04T06:07:00Z")));
        assertThat(updates.get(5).place()).isEqualTo("MADANPALLI");
        assertThat(updates).allMatch(u -> u.awb().equals("321055706540"));
    }

    @Test
    void statusesOfReturnsAndCancellationsMapToTheirSteps() {
        assertThat(ShiprocketTracking.step("UNDELIVERED")).isEqualTo(Step.DELIVERY_FAILED);
        assertThat(ShiprocketTracking.step("RTO INITIATED")).isEqualTo(Step.DELIVERY_FAILED);
        assertThat(ShiprocketTracking.step("RTO_OFD")).isEqualTo(Step.DELIVERY_FAILED);
        assertThat(ShiprocketTracking.step("RTO DELIVERED")).isEqualTo(Step.RETURNED_TO_ORIGIN);
        assertThat(ShiprocketTracking.step("CANCELED")).isEqualTo(Step.CANCELLED);
        assertThat(ShiprocketTracking.step("Pickup Scheduled")).isEqualTo(Step.BOOKED);
        assertThat(ShiprocketTracking.step("LOST")).isEqualTo(Step.UNKNOWN);
    }

    static final String WEBHOOK =
            """
            {"awb": "321055706540", "courier_name": "Delhivery Surface",
             "current_status": "OUT FOR DELIVERY", "current_status_id": 17,
             "shipment_status": "OUT FOR DELIVERY", "shipment_status_id": 17,
             "current_timestamp": "04 03 2025 08:57:10", "order_id": "SV-100019-1", "sr_order_id": 16161616,
             "scans": [
               {"date": "2025-03-03 13:50:00", "status": "X-PPOM", "activity": "In Transit - Shipment picked up",
                "location": "Bengaluru_Hub (Karnataka)", "sr-status": "42", "sr-status-label": "PICKED UP"},
               {"date": "2025-03-04 08:57:10", "status": "X-DDD3FD", "activity": "Dispatched - Out for delivery",
                "location": "Koramangala_DC (Karnataka)", "sr-status": "17", "sr-status-label": "OUT FOR DELIVERY"}
             ],
             "is_return": 0}
            """;

    @Test
    void aWebhookWithTheTokenIsRead() {
        Optional<List<TrackingUpdate>> updates =
                carrier.webhook(Map.of("x-api-key", "hook-secret"), WEBHOOK);

        assertThat(updates)
                .contains(
                        List.of(
                                new TrackingUpdate(
                                        "321055706540",
                                        "OUT FOR DELIVERY",
                                        Step.OUT_FOR_DELIVERY,
                                        Instant.parse("2025-03-04T03:27:10Z"),
                                        "Koramangala_DC (Karnataka)",
                                        "Dispatched - Out for delivery")));
    }

    @Test
    void aWebhookWithAnotherTokenIsRefused() {
        assertThatThrownBy(() -> carrier.webhook(Map.of("x-api-key", "hook-secreT"), WEBHOOK))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void aShiprocketBodyWithoutTheTokenIsRefused() {
        assertThatThrownBy(() -> carrier.webhook(Map.of(), WEBHOOK))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void anotherCarriersWebhookIsNotShiprocketsToRead() {
        String delhivery =
                "{\"Shipment\": {\"AWB\": \"1490811234567\", \"Status\": {\"Status\":"
                        + " \"Manifested\", \"StatusType\": \"UD\"}}}";

        assertThat(carrier.webhook(Map.of("authorization", "Bearer x"), delhivery)).isEmpty();
        assertThat(carrier.webhook(Map.of(), "not json")).isEmpty();
    }

    CarrierBooking booking() {
        return new CarrierBooking(
                "321055706540",
                "15151515",
                "Delhivery Surface",
                "https://track.example/321055706540",
                shiprocket.baseUrl() + "/labels/15151515.pdf");
    }
}
