package dev.selvedge.fulfilment.delhivery;

import static dev.selvedge.fulfilment.delhivery.DelhiveryApi.failure;
import static dev.selvedge.fulfilment.delhivery.DelhiveryApi.text;

import dev.selvedge.customer.PostalAddress;
import dev.selvedge.fulfilment.Carrier;
import dev.selvedge.fulfilment.CarrierBooking;
import dev.selvedge.fulfilment.CarrierFailure;
import dev.selvedge.fulfilment.CarrierQuote;
import dev.selvedge.fulfilment.ParcelRequest;
import dev.selvedge.fulfilment.TrackingUpdate;
import dev.selvedge.payment.BadSignature;
import dev.selvedge.shared.Digests;
import dev.selvedge.shared.JsonObjects;
import dev.selvedge.shared.ProviderHttp;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delhivery's direct B2C API: a parcel is a package made from the shop's order data, which gets its
 * waybill (the AWB) at once; its label is Delhivery's packing slip.
 *
 * <p>Delhivery knows a package by its waybill alone, so the booking's carrier reference is the
 * warehouse (pickup location) the parcel leaves from, as registered with Delhivery: its pickup
 * request names the warehouse and the number of packages.
 *
 * <p>Delhivery's scan push (webhook) posts the same {@code Shipment} JSON as its tracking API, to
 * an address and with headers the client gives Delhivery when the push is set up. The shop asks for
 * {@code Authorization: Bearer <selvedge.carrier.delhivery.webhook-token>} and compares it in
 * constant time.
 */
@ApplicationScoped
public class DelhiveryCarrier implements Carrier {

    public static final String ID = "delhivery";

    private static final Logger LOG = Logger.getLogger(DelhiveryCarrier.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * Secrets are read as optional (password aliases in production): MicroProfile Config takes an
     * empty default for no value, which would stop the deployment wherever Delhivery is not set up.
     */
    @Inject Config config;

    @Inject
    @ConfigProperty(name = "selvedge.carrier.delhivery.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(
            name = "selvedge.carrier.delhivery.api-base",
            defaultValue = "https://track.delhivery.com")
    String apiBase;

    @Inject
    @ConfigProperty(name = "selvedge.carrier.delhivery.timeout-ms", defaultValue = "20000")
    int timeoutMillis;

    /** Where the shopper follows a parcel; {awb} is replaced by its waybill. */
    @Inject
    @ConfigProperty(
            name = "selvedge.carrier.delhivery.tracking-url",
            defaultValue = "https://www.delhivery.com/track/package/{awb}")
    String trackingUrl;

    /** Surface or Express, as the shop's Delhivery account is set up. */
    @Inject
    @ConfigProperty(name = "selvedge.carrier.delhivery.shipping-mode", defaultValue = "Surface")
    String shippingMode;

    /** When Delhivery is asked to come for parcels (India time): today if still ahead. */
    @Inject
    @ConfigProperty(name = "selvedge.carrier.delhivery.pickup-time", defaultValue = "14:00")
    String pickupTime;

    @Inject Clock clock;

    /** Set from the configuration when it is there ("" when not: the carrier is then off). */
    String apiToken;

    String webhookToken;

    /**
     * Warehouse name to its PIN code, for quotes ({@code selvedge.carrier.delhivery.pickup-pins},
     * "Warehouse name=560001,Other=110020"): Delhivery's API does not tell them.
     */
    Map<String, String> pickupPins = Map.of();

    private DelhiveryApi api;
    private DelhiveryTracking tracking;

    /** For CDI. */
    public DelhiveryCarrier() {}

    /** With the settings given directly (tests). */
    DelhiveryCarrier(
            String apiBase,
            Duration timeout,
            String trackingUrl,
            String shippingMode,
            String pickupTime,
            String apiToken,
            String webhookToken,
            Map<String, String> pickupPins,
            Clock clock) {
        this.enabled = true;
        this.apiBase = apiBase;
        this.timeoutMillis = (int) timeout.toMillis();
        this.trackingUrl = trackingUrl;
        this.shippingMode = shippingMode;
        this.pickupTime = pickupTime;
        this.apiToken = apiToken;
        this.webhookToken = webhookToken;
        this.pickupPins = Map.copyOf(pickupPins);
        this.clock = clock;
        start();
    }

    @PostConstruct
    void connect() {
        apiToken = secret("selvedge.carrier.delhivery.api-token");
        webhookToken = secret("selvedge.carrier.delhivery.webhook-token");
        pickupPins = pins(secret("selvedge.carrier.delhivery.pickup-pins"));
        start();
    }

    private String secret(String name) {
        return config.getOptionalValue(name, String.class).orElse("");
    }

    private static Map<String, String> pins(String setting) {
        Map<String, String> pins = new LinkedHashMap<>();
        for (String pair : setting.split(",")) {
            int eq = pair.lastIndexOf('=');
            if (eq > 0) {
                pins.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return Map.copyOf(pins);
    }

    private void start() {
        api = new DelhiveryApi(apiBase, apiToken, Duration.ofMillis(timeoutMillis));
        tracking = new DelhiveryTracking(clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Delhivery";
    }

    @Override
    public boolean enabled() {
        return enabled && !apiToken.isBlank();
    }

    /**
     * Delhivery's estimate of the charge for a delivered parcel (its invoice API) from the
     * warehouse's PIN code (configured) to the shopper's; empty when the warehouse has no PIN
     * configured.
     */
    @Override
    public List<CarrierQuote> quote(ParcelRequest parcel) {
        String from = pickupPins.get(parcel.pickup());
        if (from == null) {
            LOG.warning("No PIN code configured for Delhivery warehouse " + parcel.pickup());
            return List.of();
        }
        try {
            byte[] answer =
                    api.getBytes(
                            "/api/kinko/v1/invoice/charges/.json?md="
                                    + (shippingMode.equalsIgnoreCase("Express") ? "E" : "S")
                                    + "&ss=Delivered&d_pin="
                                    + encode(parcel.to().normalised().postalCode())
                                    + "&o_pin="
                                    + encode(from)
                                    + "&cgm="
                                    + parcel.weightGrams()
                                    + "&pt="
                                    + (parcel.cashOnDelivery() ? "COD" : "Pre-paid"));
            JsonValue charges;
            try (var reader =
                    JSON.createReader(
                            new StringReader(new String(answer, StandardCharsets.UTF_8)))) {
                charges = reader.readValue();
            }
            List<JsonValue> rows = charges instanceof JsonArray list ? list : List.of(charges);
            List<CarrierQuote> quotes = new ArrayList<>();
            for (JsonValue row : rows) {
                if (row instanceof JsonObject charge && minor(charge.get("total_amount")) != null) {
                    quotes.add(
                            new CarrierQuote(
                                    "Delhivery " + shippingMode,
                                    minor(charge.get("total_amount")),
                                    "INR",
                                    null));
                }
            }
            return quotes;
        } catch (ProviderHttp.Failure e) {
            throw failure("Quote for " + parcel.reference(), e);
        } catch (JsonException e) {
            throw new CarrierFailure("Delhivery's charges were not JSON: " + e.getMessage(), true);
        }
    }

    /**
     * Books the parcel: the package (its waybill), then the packing slip's link.
     *
     * <p>Delhivery takes no idempotency key. Its tracking API answers for the client's own order id
     * ({@code ref_ids}), so the adapter asks for the reference first and goes on with the waybill
     * Delhivery has for it (unless that package was cancelled): a booking cut off after Delhivery
     * made the package finishes on the next try instead of making a second one.
     */
    @Override
    public CarrierBooking book(ParcelRequest parcel) {
        String doing = "Booking " + parcel.reference();
        if (!"INR".equals(parcel.currency())) {
            throw new CarrierFailure(
                    doing + ": Delhivery ships in rupees, not " + parcel.currency(), false);
        }
        try {
            String awb = existingWaybill(parcel.reference());
            if (awb == null) {
                JsonObject answer = api.postData("/api/cmu/create.json", data(parcel));
                awb = waybill(answer, doing);
            } else {
                LOG.info(doing + ": Delhivery has the package already, waybill " + awb);
            }
            String labelUrl = null;
            try {
                labelUrl = packingSlipUrl(awb);
            } catch (ProviderHttp.Failure e) {
                // Booked all the same: labelPdf asks again.
                LOG.warning(doing + ": no packing slip yet: " + failure("Label", e).getMessage());
            }
            return new CarrierBooking(
                    awb,
                    parcel.pickup(),
                    "Delhivery " + shippingMode,
                    trackingUrl.replace("{awb}", encode(awb)),
                    labelUrl);
        } catch (ProviderHttp.Failure e) {
            throw failure(doing, e);
        }
    }

    /** The waybill Delhivery has for this order id, unless cancelled; null when none. */
    private String existingWaybill(String reference) {
        JsonObject answer;
        try {
            answer = api.get("/api/v1/packages/json/?ref_ids=" + encode(reference));
        } catch (ProviderHttp.Failure e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
        JsonObject shipment = DelhiveryTracking.shipment(answer);
        if (shipment == null) {
            return null;
        }
        String ref = text(shipment, "ReferenceNo");
        if (ref != null && !ref.equals(reference)) {
            return null;
        }
        if (tracking.current(null, shipment).step() == TrackingUpdate.Step.CANCELLED) {
            return null;
        }
        String awb = text(shipment, "AWB");
        return awb == null || awb.isBlank() ? null : awb.strip();
    }

    /** The waybill of a created package, or Delhivery's refusal (not retryable). */
    private static String waybill(JsonObject answer, String doing) {
        String awb = null;
        if (answer.get("packages") instanceof JsonArray packages
                && !packages.isEmpty()
                && packages.get(0) instanceof JsonObject first) {
            awb = text(first, "waybill");
        }
        boolean success = answer.getBoolean("success", false);
        if (!success || awb == null || awb.isBlank()) {
            throw new CarrierFailure(
                    doing
                            + ": Delhivery refused the package: "
                            + DelhiveryApi.reason(answer, "no waybill in its answer"),
                    false);
        }
        return awb.strip();
    }

    /** The package of a parcel, in Delhivery's fields (the {@code data} of the form). */
    private JsonObject data(ParcelRequest parcel) {
        PostalAddress to = parcel.to().normalised();
        int units = parcel.items().stream().mapToInt(ParcelRequest.Item::units).sum();
        JsonObject shipment =
                JsonObjects.object()
                        .add("name", to.name())
                        .add(
                                "add",
                                to.line2() == null ? to.line1() : to.line1() + ", " + to.line2())
                        .add("pin", Integer.parseInt(to.postalCode()))
                        .add("city", to.city())
                        .add("state", to.state())
                        .add("country", "IN".equals(to.country()) ? "India" : to.country())
                        .add("phone", mobile(to.phone()))
                        .add("order", parcel.reference())
                        .add("payment_mode", parcel.cashOnDelivery() ? "COD" : "Prepaid")
                        .add(
                                "cod_amount",
                                rupees(parcel.cashOnDelivery() ? parcel.valueMinor() : 0))
                        .add("total_amount", rupees(parcel.valueMinor()))
                        .add(
                                "products_desc",
                                parcel.items().stream()
                                        .map(ParcelRequest.Item::name)
                                        .collect(Collectors.joining(", ")))
                        .add("quantity", String.valueOf(units))
                        .add("weight", parcel.weightGrams())
                        .add("shipment_length", parcel.lengthCm())
                        .add("shipment_width", parcel.breadthCm())
                        .add("shipment_height", parcel.heightCm())
                        .add("shipping_mode", shippingMode)
                        .build();
        return JsonObjects.object()
                .add("shipments", JsonObjects.array().add(shipment))
                .add("pickup_location", JsonObjects.object().add("name", parcel.pickup()))
                .build();
    }

    /** The packing slip's PDF link. */
    private String packingSlipUrl(String awb) {
        JsonObject answer = api.get("/api/p/packing_slip?wbns=" + encode(awb) + "&pdf=true");
        if (answer.get("packages") instanceof JsonArray packages
                && !packages.isEmpty()
                && packages.get(0) instanceof JsonObject first) {
            String url = text(first, "pdf_download_link");
            return url == null || url.isBlank() ? null : url.strip();
        }
        return null;
    }

    /**
     * The packing slip PDF from the booking's link; when that link no longer serves it (Delhivery's
     * links are signed and expire), from a new link.
     */
    @Override
    public byte[] labelPdf(CarrierBooking booking) {
        String doing = "Label of " + booking.awb();
        try {
            if (booking.labelUrl() != null) {
                try {
                    return api.download(booking.labelUrl());
                } catch (ProviderHttp.Failure e) {
                    if (failure(doing, e).retryable()) {
                        throw e;
                    }
                    LOG.info(() -> doing + ": the label link is stale, asking for a new one");
                }
            }
            String url = packingSlipUrl(booking.awb());
            if (url == null) {
                throw new CarrierFailure(doing + ": Delhivery has no packing slip for it", false);
            }
            return api.download(url);
        } catch (ProviderHttp.Failure e) {
            throw failure(doing, e);
        }
    }

    @Override
    public void cancel(CarrierBooking booking) {
        String doing = "Cancelling " + booking.awb();
        try {
            JsonObject answer =
                    api.post(
                            "/api/p/edit",
                            JsonObjects.object()
                                    .add("waybill", booking.awb())
                                    .add("cancellation", "true")
                                    .build());
            if (answer.get("status") == JsonValue.FALSE) {
                throw new CarrierFailure(
                        doing + ": Delhivery refused: " + DelhiveryApi.reason(answer, "no reason"),
                        false);
            }
        } catch (ProviderHttp.Failure e) {
            throw failure(doing, e);
        }
    }

    /**
     * One pickup request per warehouse, for the number of parcels leaving it, at the configured
     * time: today while that is still ahead (India time), else tomorrow.
     */
    @Override
    public void requestPickup(List<CarrierBooking> bookings) {
        Map<String, Long> perWarehouse =
                bookings.stream()
                        .collect(
                                Collectors.groupingBy(
                                        CarrierBooking::carrierReference,
                                        LinkedHashMap::new,
                                        Collectors.counting()));
        LocalTime at = LocalTime.parse(pickupTime);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(DelhiveryTracking.INDIA));
        LocalDate day =
                now.toLocalTime().isBefore(at) ? now.toLocalDate() : now.toLocalDate().plusDays(1);
        List<CarrierFailure> failures = new ArrayList<>();
        for (Map.Entry<String, Long> warehouse : perWarehouse.entrySet()) {
            try {
                api.post(
                        "/fm/request/new/",
                        JsonObjects.object()
                                .add("pickup_location", warehouse.getKey())
                                .add("expected_package_count", warehouse.getValue())
                                .add("pickup_date", day.toString())
                                .add(
                                        "pickup_time",
                                        at.format(
                                                DateTimeFormatter.ofPattern(
                                                        "HH:mm:ss", Locale.ROOT)))
                                .build());
            } catch (ProviderHttp.Failure e) {
                failures.add(failure("Pickup at " + warehouse.getKey(), e));
            }
        }
        if (!failures.isEmpty()) {
            throw new CarrierFailure(
                    String.join("; ", failures.stream().map(Throwable::getMessage).toList()),
                    failures.stream().allMatch(CarrierFailure::retryable));
        }
    }

    @Override
    public List<TrackingUpdate> track(CarrierBooking booking) {
        try {
            JsonObject answer = api.get("/api/v1/packages/json/?waybill=" + encode(booking.awb()));
            JsonObject shipment = DelhiveryTracking.shipment(answer);
            return shipment == null ? List.of() : tracking.updates(booking.awb(), shipment);
        } catch (ProviderHttp.Failure e) {
            throw failure("Tracking " + booking.awb(), e);
        }
    }

    /**
     * A scan push. It is Delhivery's when it carries {@code Authorization} or its body is a
     * Delhivery {@code Shipment} with an AWB; then it must carry {@code Authorization: Bearer
     * <webhook token>}.
     */
    @Override
    public Optional<List<TrackingUpdate>> webhook(Map<String, String> headers, String body) {
        String authorization = header(headers, "Authorization");
        JsonObject event = parsed(body);
        JsonObject shipment =
                event != null
                                && event.get("Shipment") instanceof JsonObject s
                                && text(s, "AWB") != null
                        ? s
                        : null;
        if (authorization == null && shipment == null) {
            return Optional.empty();
        }
        if (webhookToken == null || webhookToken.isBlank()) {
            throw new BadSignature("Delhivery webhooks are not set up here (no webhook token)");
        }
        String given =
                authorization != null
                                && authorization.strip().regionMatches(true, 0, "Bearer ", 0, 7)
                        ? authorization.strip().substring(7).strip()
                        : null;
        if (given == null || !sameSecret(webhookToken, given)) {
            throw new BadSignature("Authorization is not the Delhivery webhook token");
        }
        if (shipment == null) {
            return Optional.of(List.of()); // Delhivery's, but no scan in it.
        }
        return Optional.of(List.of(tracking.current(text(shipment, "AWB").strip(), shipment)));
    }

    /** Constant time, and on digests, so that not even the token's length shows. */
    private static boolean sameSecret(String expected, String given) {
        return MessageDigest.isEqual(
                Digests.sha256Hex(expected).getBytes(StandardCharsets.UTF_8),
                Digests.sha256Hex(given).getBytes(StandardCharsets.UTF_8));
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    private static JsonObject parsed(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JsonObjects.parse(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Rupees with two decimals from minor units (paise). */
    static BigDecimal rupees(long minor) {
        return BigDecimal.valueOf(minor).movePointLeft(2);
    }

    /** Minor units from rupees as Delhivery sends them (a number, or a number in a string). */
    private static Long minor(JsonValue rupees) {
        try {
            BigDecimal value =
                    rupees instanceof JsonNumber n
                            ? n.bigDecimalValue()
                            : rupees instanceof JsonString s ? new BigDecimal(s.getString()) : null;
            return value == null
                    ? null
                    : value.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** The ten digits of an Indian mobile number (without +91 or a leading 0). */
    private static String mobile(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
