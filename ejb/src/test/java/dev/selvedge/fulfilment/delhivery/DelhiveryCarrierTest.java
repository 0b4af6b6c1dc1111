package dev.selvedge.fulfilment.delhivery;

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
import com.github.tomakehurst.wiremock.http.Fault;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests {@link DelhiveryCarrier} sends to a fake Delhivery, and what it makes of answers.
 */
class DelhiveryCarrierTest {

    static final String REFERENCE = "SV-100019-1";
    static final String AWB = "1490811234567";

    /** 09:30 in India. */
    static final Instant NOW = Instant.parse("2025-03-03T04:00:00Z");

    static final ParcelRequest PARCEL =
            new ParcelRequest(
                    REFERENCE,
                    "SV-100019",
                    Instant.parse("2025-03-01T05:30:00Z"),
                    "Bengaluru WH",
                    new PostalAddress(
                            "Asha Rao",
                            "12 MG Road",
                            "Flat 4",
                            "Bengaluru",
                            "Karnataka",
                            "560001",
                            "IN",
                            "09845012345"),
                    "asha@example.com",
                    List.of(
                            new ParcelRequest.Item("KUR-M-RED", "Kurta red M", 2, 129900, 5),
                            new ParcelRequest.Item("DUP-1", "Dupatta", 1, 49900, 12)),
                    309700,
                    "INR",
                    true,
                    750,
                    30,
                    22,
                    8);

    static final String PACKAGE_DATA =
            """
            {
              "shipments": [{
                "name": "Asha Rao",
                "add": "12 MG Road, Flat 4",
                "pin": 560001,
                "city": "Bengaluru",
                "state": "Karnataka",
                "country": "India",
                "phone": "9845012345",
                "order": "SV-100019-1",
                "payment_mode": "COD",
                "cod_amount": 3097.00,
                "total_amount": 3097.00,
                "products_desc": "Kurta red M, Dupatta",
                "quantity": "3",
                "weight": 750,
                "shipment_length": 30,
                "shipment_width": 22,
                "shipment_height": 8,
                "shipping_mode": "Surface"
              }],
              "pickup_location": {"name": "Bengaluru WH"}
            }
            """;

    WireMockServer delhivery;
    DelhiveryCarrier carrier;

    @BeforeEach
    void start() {
        delhivery = new WireMockServer(options().dynamicPort());
        delhivery.start();
        carrier = carrier(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        delhivery.stop();
    }

    DelhiveryCarrier carrier(Duration timeout) {
        return new DelhiveryCarrier(
                delhivery.baseUrl(),
                timeout,
                "https://track.example/{awb}",
                "Surface",
                "14:00",
                "api-tok",
                "hook-secret",
                Map.of("Bengaluru WH", "560068"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    void noPackageYet() {
        delhivery.stubFor(
                get(urlPathEqualTo("/api/v1/packages/json/"))
                        .withQueryParam("ref_ids", equalTo(REFERENCE))
                        .willReturn(okJson("{\"ShipmentData\": []}")));
    }

    void packingSlip(String path) {
        delhivery.stubFor(
                get(urlPathEqualTo("/api/p/packing_slip"))
                        .withQueryParam("wbns", equalTo(AWB))
                        .withQueryParam("pdf", equalTo("true"))
                        .willReturn(
                                okJson(
                                        "{\"packages\": [{\"wbn\": \""
                                                + AWB
                                                + "\", \"pdf_download_link\": \""
                                                + delhivery.baseUrl()
                                                + path
                                                + "\"}], \"packages_found\": 1}")));
    }

    @Test
    void aBookingMakesThePackageAndFindsItsPackingSlip() {
        noPackageYet();
        delhivery.stubFor(
                post("/api/cmu/create.json")
                        .willReturn(
                                okJson(
                                        "{\"success\": true, \"package_count\": 1, \"packages\":"
                                                + " [{\"status\": \"Success\", \"waybill\": \""
                                                + AWB
                                                + "\", \"refnum\": \"SV-100019-1\", \"remarks\":"
                                                + " []}], \"rmk\": null}")));
        packingSlip("/slips/" + AWB + ".pdf");

        CarrierBooking booking = carrier.book(PARCEL);

        assertThat(booking)
                .isEqualTo(
                        new CarrierBooking(
                                AWB,
                                "Bengaluru WH",
                                "Delhivery Surface",
                                "https://track.example/" + AWB,
                                delhivery.baseUrl() + "/slips/" + AWB + ".pdf"));
        delhivery.verify(
                postRequestedFor(urlEqualTo("/api/cmu/create.json"))
                        .withHeader("Authorization", equalTo("Token api-tok"))
                        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                        .withFormParam("format", equalTo("json"))
                        .withFormParam("data", equalToJson(PACKAGE_DATA)));
        delhivery.verify(
                getRequestedFor(urlPathEqualTo("/api/v1/packages/json/"))
                        .withHeader("Authorization", equalTo("Token api-tok")));
        delhivery.verify(
                getRequestedFor(urlPathEqualTo("/api/p/packing_slip"))
                        .withHeader("Authorization", equalTo("Token api-tok")));
    }

    @Test
    void aReferenceDelhiveryHasAlreadyKeepsItsWaybill() {
        delhivery.stubFor(
                get(urlPathEqualTo("/api/v1/packages/json/"))
                        .withQueryParam("ref_ids", equalTo(REFERENCE))
                        .willReturn(
                                okJson(
                                        "{\"ShipmentData\": [{\"Shipment\": {\"AWB\": \""
                                                + AWB
                                                + "\", \"ReferenceNo\": \"SV-100019-1\","
                                                + " \"Status\": {\"Status\": \"Manifested\","
                                                + " \"StatusType\": \"UD\"}}}]}")));
        packingSlip("/slips/" + AWB + ".pdf");

        assertThat(carrier.book(PARCEL).awb()).isEqualTo(AWB);
        delhivery.verify(0, postRequestedFor(urlEqualTo("/api/cmu/create.json")));
    }

    @Test
    void aCancelledPackageUnderTheReferenceIsBookedAnew() {
        delhivery.stubFor(
                get(urlPathEqualTo("/api/v1/packages/json/"))
                        .willReturn(
                                okJson(
                                        "{\"ShipmentData\": [{\"Shipment\": {\"AWB\":"
                                                + " \"1490800000000\", \"ReferenceNo\":"
                                                + " \"SV-100019-1\", \"Status\": {\"Status\":"
                                                + " \"Cancelled\", \"StatusType\": \"CN\"}}}]}")));
        delhivery.stubFor(
                post("/api/cmu/create.json")
                        .willReturn(
                                okJson(
                                        "{\"success\": true, \"packages\": [{\"waybill\": \""
                                                + AWB
                                                + "\"}]}")));
        packingSlip("/slips/" + AWB + ".pdf");

        assertThat(carrier.book(PARCEL).awb()).isEqualTo(AWB);
    }

    @Test
    void aRefusedPackageCannotBeRetriedAndSaysWhy() {
        noPackageYet();
        delhivery.stubFor(
                post("/api/cmu/create.json")
                        .willReturn(
                                okJson(
                                        "{\"success\": false, \"package_count\": 1, \"packages\":"
                                                + " [{\"status\": \"Fail\", \"waybill\": \"\","
                                                + " \"remarks\": [\"Non serviceable pincode\"]}],"
                                                + " \"rmk\": \"Some packages could not be"
                                                + " created\"}")));

        CarrierFailure failure =
                catchThrowableOfType(CarrierFailure.class, () -> carrier.book(PARCEL));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage())
                .contains("Non serviceable pincode")
                .contains("Some packages could not be created");
    }

    @Test
    void aClientErrorCannotBeRetriedAndSaysWhy() {
        delhivery.stubFor(
                get(urlPathEqualTo("/api/v1/packages/json/"))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"detail\": \"Invalid token header.\"}")));

        CarrierFailure failure =
                catchThrowableOfType(CarrierFailure.class, () -> carrier.book(PARCEL));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("HTTP 401").contains("Invalid token header.");
        delhivery.verify(0, postRequestedFor(urlEqualTo("/api/cmu/create.json")));
    }

    @Test
    void aServerErrorCanBeRetried() {
        noPackageYet();
        delhivery.stubFor(post("/api/cmu/create.json").willReturn(aResponse().withStatus(503)));

        CarrierFailure failure =
                catchThrowableOfType(CarrierFailure.class, () -> carrier.book(PARCEL));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("503");
    }

    @Test
    void noAnswerInTimeCanBeRetried() {
        DelhiveryCarrier impatient = carrier(Duration.ofMillis(200));
        noPackageYet();
        delhivery.stubFor(
                post("/api/cmu/create.json")
                        .willReturn(okJson("{\"success\": true}").withFixedDelay(1500)));

        CarrierFailure failure =
                catchThrowableOfType(CarrierFailure.class, () -> impatient.book(PARCEL));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("did not answer");
    }

    @Test
    void aDroppedConnectionCanBeRetried() {
        noPackageYet();
        delhivery.stubFor(
                post("/api/cmu/create.json")
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(
                        catchThrowableOfType(CarrierFailure.class, () -> carrier.book(PARCEL))
                                .retryable())
                .isTrue();
    }

    @Test
    void thePackingSlipPdfIsDownloadedWithoutTheToken() {
        byte[] pdf = "%PDF-1.4 slip".getBytes(StandardCharsets.US_ASCII);
        delhivery.stubFor(
                get("/slips/" + AWB + ".pdf")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/pdf")
                                        .withBody(pdf)));

        assertThat(carrier.labelPdf(booking())).isEqualTo(pdf);
        delhivery.verify(
                getRequestedFor(urlEqualTo("/slips/" + AWB + ".pdf"))
                        .withoutHeader("Authorization"));
    }

    @Test
    void anExpiredPackingSlipLinkMeansANewLink() {
        byte[] pdf = "%PDF-1.4 new slip".getBytes(StandardCharsets.US_ASCII);
        delhivery.stubFor(get("/slips/" + AWB + ".pdf").willReturn(aResponse().withStatus(403)));
        packingSlip("/slips/" + AWB + "-2.pdf");
        delhivery.stubFor(get("/slips/" + AWB + "-2.pdf").willReturn(aResponse().withBody(pdf)));

        assertThat(carrier.labelPdf(booking())).isEqualTo(pdf);
    }

    @Test
    void cancellingEditsThePackage() {
        delhivery.stubFor(
                post("/api/p/edit")
                        .willReturn(
                                okJson(
                                        "{\"status\": true, \"waybill\": \""
                                                + AWB
                                                + "\", \"remark\": \"Shipment has been"
                                                + " cancelled.\"}")));

        carrier.cancel(booking());

        delhivery.verify(
                postRequestedFor(urlEqualTo("/api/p/edit"))
                        .withHeader("Authorization", equalTo("Token api-tok"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"waybill\": \""
                                                + AWB
                                                + "\", \"cancellation\": \"true\"}")));
    }

    @Test
    void aRefusedCancellationSaysWhy() {
        delhivery.stubFor(
                post("/api/p/edit")
                        .willReturn(
                                okJson(
                                        "{\"status\": false, \"remark\": \"Shipment can not be"
                                                + " cancelled as it is already dispatched\"}")));

        CarrierFailure failure =
                catchThrowableOfType(CarrierFailure.class, () -> carrier.cancel(booking()));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("already dispatched");
    }

    @Test
    void aPickupIsAskedPerWarehouseForItsParcels() {
        delhivery.stubFor(post("/fm/request/new/").willReturn(okJson("{\"pickup_id\": 12345678}")));

        carrier.requestPickup(
                List.of(
                        booking(),
                        new CarrierBooking(
                                "1490811234568", "Bengaluru WH", "Delhivery", null, null),
                        new CarrierBooking(
                                "1490811234569", "Jaipur Store", "Delhivery", null, null)));

        delhivery.verify(
                postRequestedFor(urlEqualTo("/fm/request/new/"))
                        .withHeader("Authorization", equalTo("Token api-tok"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"pickup_location\": \"Bengaluru WH\","
                                                + " \"expected_package_count\": 2, \"pickup_date\":"
                                                + " \"2025-03-03\", \"pickup_time\":"
                                                + " \"14:00:00\"}")));
        delhivery.verify(
                postRequestedFor(urlEqualTo("/fm/request/new/"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"pickup_location\": \"Jaipur Store\","
                                                + " \"expected_package_count\": 1, \"pickup_date\":"
                                                + " \"2025-03-03\", \"pickup_time\":"
                                                + " \"14:00:00\"}")));
    }

    @Test
    void aQuoteIsDelhiverysChargeEstimate() {
        delhivery.stubFor(
                get(urlPathEqualTo("/api/kinko/v1/invoice/charges/.json"))
                        .withQueryParam("md", equalTo("S"))
                        .withQueryParam("ss", equalTo("Delivered"))
                        .withQueryParam("o_pin", equalTo("560068"))
                        .withQueryParam("d_pin", equalTo("560001"))
                        .withQueryParam("cgm", equalTo("750"))
                        .withQueryParam("pt", equalTo("COD"))
                        .willReturn(
                                okJson(
                                        "[{\"status\": \"Delivered\", \"gross_amount\": 71.5,"
                                                + " \"total_amount\": 84.37, \"zone\": \"A\"}]")));

        List<CarrierQuote> quotes = carrier.quote(PARCEL);

        assertThat(quotes)
                .containsExactly(new CarrierQuote("Delhivery Surface", 8437, "INR", null));
    }

    @Test
    void noQuoteFromAWarehouseWithoutAPinCode() {
        ParcelRequest elsewhere =
                new ParcelRequest(
                        PARCEL.reference(),
                        PARCEL.orderNumber(),
                        PARCEL.orderedAt(),
                        "Unknown WH",
                        PARCEL.to(),
                        PARCEL.email(),
                        PARCEL.items(),
                        PARCEL.valueMinor(),
                        PARCEL.currency(),
                        PARCEL.cashOnDelivery(),
                        PARCEL.weightGrams(),
                        PARCEL.lengthCm(),
                        PARCEL.breadthCm(),
                        PARCEL.heightCm());

        assertThat(carrier.quote(elsewhere)).isEmpty();
        assertThat(delhivery.getAllServeEvents()).isEmpty();
    }

    @Test
    void trackingMapsDelhiverysStatusesOldestFirstInIndiaTime() {
        delhivery.stubFor(
                get(urlPathEqualTo("/api/v1/packages/json/"))
                        .withQueryParam("waybill", equalTo(AWB))
                        .willReturn(
                                okJson(
                                        """
                                        {"ShipmentData": [{"Shipment": {"AWB": "1490811234567",
                                          "Status": {"Status": "Delivered", "StatusType": "DL",
                                                     "StatusDateTime": "2025-03-05T11:37:00.52",
                                                     "StatusLocation": "Koramangala_DC (Karnataka)",
                                                     "Instructions": "Delivered to consignee"},
                                          "Scans": [
                                            {"ScanDetail": {"Scan": "Manifested", "ScanType": "UD",
                                              "ScanDateTime": "2025-03-03T09:51:00.123",
                                              "ScannedLocation": "Bengaluru_Hub (Karnataka)", "Instructions": "Manifest uploaded"}},
                                            {"ScanDetail": {"Scan": "In Transit", "ScanType": "UD",
                                              "ScanDateTime": "2025-03-03T20:28:00",
                                              "ScannedLocation": "Bengaluru_Hub (Karnataka)", "Instructions": "Shipment picked up"}},
                                            {"ScanDetail": {"Scan": "Pending", "ScanType": "UD",
                                              "ScanDateTime": "2025-03-04T06:10:00",
                                              "ScannedLocation": "Koramangala_DC (Karnataka)", "Instructions": "Reached destination"}},
                                            {"ScanDetail": {"Scan": "Misrouted", "ScanType": "UD",
                                              "ScanDateTime": "2025-03-04T07:00:00",
                                              "ScannedLocation": "Koramangala_DC (Karnataka)", "Instructions": "Sent to wrong centre"}},
                                            {"ScanDetail": {"Scan": "Dispatched", "ScanType": "UD",
                                              "ScanDateTime": "2025-03-05T08:57:00",
                                              "ScannedLocation": "Koramangala_DC (Karnataka)", "Instructions": "Out for delivery"}},
                                            {"ScanDetail": {"Scan": "Delivered", "ScanType": "DL",
                                              "ScanDateTime": "2025-03-05T11:37:00.52",
                                              "ScannedLocation": "Koramangala_DC (Karnataka)", "Instructions": "Delivered to consignee"}}
                                          ]}}]}
                                        """)));

        List<TrackingUpdate> updates = carrier.track(booking());

        assertThat(updates)
                .extracting(TrackingUpdate::carrierStatus, TrackingUpdate::step, TrackingUpdate::at)
                .containsExactly(
                        tuple(
                                "Manifested (UD)",
                                Step.BOOKED,
                                Instant.parse("2025-03-03T04:21:00.123Z")),
                        tuple(
                                "In Transit (UD)",
                                Step.IN_TRANSIT,
                                Instant.parse("2025-03-03T14:58:00Z")),
                        tuple(
                                "Pending (UD)",
                                Step.IN_TRANSIT,
                                Instant.parse("2025-03-04T00:40:00Z")),
                        tuple(
                                "Misrouted (UD)",
                                Step.UNKNOWN,
                                Instant.parse("2025-03-04T01:30:00Z")),
                        tuple(
                                "Dispatched (UD)",
                                Step.OUT_FOR_DELIVERY,
                                Instant.parse("2025-03-05T03:27:00Z")),
                        tuple(
                                "Delivered (DL)",
                                Step.DELIVERED,
                                Instant.parse("2025-03-05T06:07:00.520Z")));
        assertThat(updates.get(0).place()).isEqualTo("Bengaluru_Hub (Karnataka)");
        assertThat(updates.get(0).remark()).isEqualTo("Manifest uploaded");
        delhivery.verify(
                getRequestedFor(urlPathEqualTo("/api/v1/packages/json/"))
                        .withHeader("Authorization", equalTo("Token api-tok")));
    }

    @Test
    void returnsAndCancellationsMapToTheirSteps() {
        assertThat(DelhiveryTracking.step("RT", "In Transit")).isEqualTo(Step.DELIVERY_FAILED);
        assertThat(DelhiveryTracking.step("RT", "Dispatched")).isEqualTo(Step.DELIVERY_FAILED);
        assertThat(DelhiveryTracking.step("DL", "RTO")).isEqualTo(Step.RETURNED_TO_ORIGIN);
        assertThat(DelhiveryTracking.step("CN", "Canceled")).isEqualTo(Step.CANCELLED);
        assertThat(DelhiveryTracking.step("UD", "Not Picked")).isEqualTo(Step.BOOKED);
        assertThat(DelhiveryTracking.step("PP", "Open")).isEqualTo(Step.UNKNOWN);
    }

    static final String PUSH =
            """
            {"Shipment": {
               "Status": {"Status": "Dispatched", "StatusDateTime": "2025-03-05T08:57:10.767",
                          "StatusType": "UD", "StatusLocation": "Koramangala_DC (Karnataka)",
                          "Instructions": "Out for delivery"},
               "PickUpDate": "2025-03-03T13:50:42.543", "NSLCode": "X-DDD3FD", "Sortcode": "BLR/KOR",
               "ReferenceNo": "SV-100019-1", "AWB": "1490811234567"}}
            """;

    @Test
    void aScanPushWithTheTokenIsRead() {
        assertThat(carrier.webhook(Map.of("authorization", "Bearer hook-secret"), PUSH))
                .contains(
                        List.of(
                                new TrackingUpdate(
                                        AWB,
                                        "Dispatched (UD)",
                                        Step.OUT_FOR_DELIVERY,
                                        Instant.parse("2025-03-05T03:27:10.767Z"),
                                        "Koramangala_DC (Karnataka)",
                                        "Out for delivery")));
    }

    @Test
    void aScanPushWithAnotherTokenIsRefused() {
        assertThatThrownBy(
                        () -> carrier.webhook(Map.of("authorization", "Bearer hook-secreT"), PUSH))
                .isInstanceOf(BadSignature.class);
        assertThatThrownBy(() -> carrier.webhook(Map.of("authorization", "hook-secret"), PUSH))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void aScanPushWithoutTheTokenIsRefused() {
        assertThatThrownBy(() -> carrier.webhook(Map.of(), PUSH)).isInstanceOf(BadSignature.class);
    }

    @Test
    void anotherCarriersWebhookIsNotDelhiverysToRead() {
        String shiprocket =
                "{\"awb\": \"321055706540\", \"current_status\": \"IN TRANSIT\","
                        + " \"current_timestamp\": \"23 05 2023 11:43:52\"}";

        assertThat(carrier.webhook(Map.of("x-api-key", "hook-secret"), shiprocket)).isEmpty();
        assertThat(carrier.webhook(Map.of(), "not json")).isEmpty();
    }

    @Test
    void aRequestWithTheTokenButNoScanHasNoUpdates() {
        assertThat(carrier.webhook(Map.of("authorization", "Bearer hook-secret"), "[1, 2]"))
                .contains(List.of());
        assertThatThrownBy(() -> carrier.webhook(Map.of("authorization", "Bearer wrong"), "[1, 2]"))
                .isInstanceOf(BadSignature.class);
    }

    CarrierBooking booking() {
        return new CarrierBooking(
                AWB,
                "Bengaluru WH",
                "Delhivery Surface",
                "https://track.example/" + AWB,
                delhivery.baseUrl() + "/slips/" + AWB + ".pdf");
    }
}
