package dev.selvedge.fulfilment.shiprocket;

import static dev.selvedge.fulfilment.shiprocket.ShiprocketApi.failure;
import static dev.selvedge.fulfilment.shiprocket.ShiprocketApi.text;

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
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Shiprocket (API v1 external): a parcel is an adhoc order in the seller's account (its channel
 * order id is the parcel's reference), whose shipment gets an AWB from the courier Shiprocket
 * assigns, then a label. Shiprocket's own id of the shipment ({@code shipment_id}) is the booking's
 * carrier reference, which its label and pickup calls take.
 *
 * <p>Tracking webhooks carry the token the seller typed into Shiprocket's webhook settings in the
 * {@code x-api-key} header (Shiprocket signs nothing); it is compared in constant time with {@code
 * selvedge.carrier.shiprocket.webhook-token}.
 */
@ApplicationScoped
public class ShiprocketCarrier implements Carrier {

    public static final String ID = "shiprocket";

    private static final Logger LOG = Logger.getLogger(ShiprocketCarrier.class.getName());
    private static final DateTimeFormatter ORDER_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
                    .withZone(ShiprocketTracking.INDIA);

    /**
     * Secrets are read as optional (password aliases in production): MicroProfile Config takes an
     * empty default for no value, which would stop the deployment wherever Shiprocket is not set
     * up.
     */
    @Inject Config config;

    @Inject
    @ConfigProperty(name = "selvedge.carrier.shiprocket.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(
            name = "selvedge.carrier.shiprocket.api-base",
            defaultValue = "https://apiv2.shiprocket.in")
    String apiBase;

    @Inject
    @ConfigProperty(name = "selvedge.carrier.shiprocket.timeout-ms", defaultValue = "20000")
    int timeoutMillis;

    /** Where the shopper follows a parcel; {awb} is replaced by its AWB. */
    @Inject
    @ConfigProperty(
            name = "selvedge.carrier.shiprocket.tracking-url",
            defaultValue = "https://shiprocket.co/tracking/{awb}")
    String trackingUrl;

    @Inject Clock clock;

    /** Set from the configuration when it is there ("" when not: the carrier is then off). */
    String email;

    String password;

    String webhookToken;

    private ShiprocketApi api;
    private ShiprocketTracking tracking;

    /** Pickup location nickname to its PIN code, as Shiprocket has them (asked once). */
    private final Map<String, String> pickupPins = new ConcurrentHashMap<>();

    /** For CDI. */
    public ShiprocketCarrier() {}

    /** With the settings given directly (tests). */
    ShiprocketCarrier(
            String apiBase,
            Duration timeout,
            String trackingUrl,
            String email,
            String password,
            String webhookToken,
            Clock clock) {
        this.enabled = true;
        this.apiBase = apiBase;
        this.timeoutMillis = (int) timeout.toMillis();
        this.trackingUrl = trackingUrl;
        this.email = email;
        this.password = password;
        this.webhookToken = webhookToken;
        this.clock = clock;
        start();
    }

    @PostConstruct
    void connect() {
        email = secret("selvedge.carrier.shiprocket.email");
        password = secret("selvedge.carrier.shiprocket.password");
        webhookToken = secret("selvedge.carrier.shiprocket.webhook-token");
        start();
    }

    private String secret(String name) {
        return config.getOptionalValue(name, String.class).orElse("");
    }

    private void start() {
        api = new ShiprocketApi(apiBase, email, password, Duration.ofMillis(timeoutMillis), clock);
        tracking = new ShiprocketTracking(clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Shiprocket";
    }

    @Override
    public boolean enabled() {
        return enabled && !email.isBlank() && !password.isBlank();
    }

    /**
     * Shiprocket's couriers between the parcel's pickup location (its PIN code as Shiprocket has
     * the location) and the shopper, with their rates; empty when the location is not known there.
     */
    @Override
    public List<CarrierQuote> quote(ParcelRequest parcel) {
        try {
            Optional<String> from = pickupPin(parcel.pickup());
            if (from.isEmpty()) {
                LOG.warning(
                        "Shiprocket has no pickup location named "
                                + parcel.pickup()
                                + ": no quote");
                return List.of();
            }
            JsonObject answer =
                    api.get(
                            "/v1/external/courier/serviceability/?pickup_postcode="
                                    + encode(from.get())
                                    + "&delivery_postcode="
                                    + encode(parcel.to().normalised().postalCode())
                                    + "&weight="
                                    + kilograms(parcel.weightGrams()).toPlainString()
                                    + "&cod="
                                    + (parcel.cashOnDelivery() ? 1 : 0));
            JsonObject data =
                    answer.get("data") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
            String currency = Optional.ofNullable(text(answer, "currency")).orElse("INR");
            List<CarrierQuote> quotes = new ArrayList<>();
            if (data.get("available_courier_companies") instanceof JsonArray couriers) {
                for (JsonValue v : couriers) {
                    if (v instanceof JsonObject c && minor(c.get("rate")) != null) {
                        quotes.add(
                                new CarrierQuote(
                                        text(c, "courier_name"),
                                        minor(c.get("rate")),
                                        currency,
                                        days(text(c, "estimated_delivery_days"))));
                    }
                }
            }
            return quotes;
        } catch (ProviderHttp.Failure e) {
            throw failure("Quote for " + parcel.reference(), e);
        }
    }

    /**
     * Books the parcel: the order, its AWB, its label.
     *
     * <p>Shiprocket takes no idempotency key, and refuses an order id it already has. So the
     * adapter first looks the order up by its channel order id ({@code GET /v1/external/orders
     * ?search=<reference>}, which searches AWBs and channel order ids) and, when the order is
     * there, goes on with its shipment: a booking cut off after the order was made (or after the
     * AWB) finishes on the next try instead of failing or making a second shipment.
     */
    @Override
    public CarrierBooking book(ParcelRequest parcel) {
        String doing = "Booking " + parcel.reference();
        if (!"INR".equals(parcel.currency())) {
            throw new CarrierFailure(
                    doing + ": Shiprocket ships in rupees, not " + parcel.currency(), false);
        }
        try {
            Optional<JsonObject> existing = findOrder(parcel.reference());
            long shipmentId;
            String awb;
            String courier;
            if (existing.isPresent()) {
                JsonObject order = existing.get();
                String status = Optional.ofNullable(text(order, "status")).orElse("");
                if (ShiprocketTracking.step(status) == TrackingUpdate.Step.CANCELLED) {
                    throw new CarrierFailure(
                            doing
                                    + ": Shiprocket has this order cancelled, and takes no new"
                                    + " order under a cancelled order's id",
                            false);
                }
                JsonObject shipment = firstShipment(order);
                shipmentId = number(shipment, "id", doing);
                awb = blankToNull(text(shipment, "awb"));
                courier = blankToNull(text(shipment, "courier"));
                LOG.info(doing + ": Shiprocket has the order already, shipment " + shipmentId);
            } else {
                JsonObject created =
                        api.post("/v1/external/orders/create/adhoc", adhocOrder(parcel));
                shipmentId = number(created, "shipment_id", doing);
                awb = blankToNull(text(created, "awb_code"));
                courier = blankToNull(text(created, "courier_name"));
            }
            if (awb == null) {
                JsonObject assigned =
                        api.post(
                                "/v1/external/courier/assign/awb",
                                JsonObjects.object().add("shipment_id", shipmentId).build());
                JsonObject data = assignedData(assigned);
                awb = blankToNull(text(data, "awb_code"));
                if (awb == null) {
                    String why =
                            Optional.ofNullable(blankToNull(text(data, "awb_assign_error")))
                                    .orElse(ShiprocketApi.reason(assigned, "no AWB assigned"));
                    throw new CarrierFailure(doing + ": Shiprocket assigned no AWB: " + why, false);
                }
                courier = blankToNull(text(data, "courier_name"));
            }
            String labelUrl = null;
            try {
                labelUrl = labelUrl(shipmentId);
            } catch (ProviderHttp.Failure e) {
                // Booked all the same: labelPdf asks again.
                LOG.warning(doing + ": no label yet: " + failure("Label", e).getMessage());
            }
            return new CarrierBooking(
                    awb,
                    String.valueOf(shipmentId),
                    courier,
                    trackingUrl.replace("{awb}", encode(awb)),
                    labelUrl);
        } catch (ProviderHttp.Failure e) {
            throw failure(doing, e);
        }
    }

    /** The order Shiprocket holds under this channel order id, if any. */
    private Optional<JsonObject> findOrder(String reference) {
        JsonObject found = api.get("/v1/external/orders?search=" + encode(reference));
        if (found.get("data") instanceof JsonArray orders) {
            for (JsonValue v : orders) {
                if (v instanceof JsonObject o && reference.equals(text(o, "channel_order_id"))) {
                    return Optional.of(o);
                }
            }
        }
        return Optional.empty();
    }

    /** The shipment of an order as Shiprocket lists it (a list there, an object elsewhere). */
    private static JsonObject firstShipment(JsonObject order) {
        JsonValue shipments = order.get("shipments");
        if (shipments instanceof JsonArray list
                && !list.isEmpty()
                && list.get(0) instanceof JsonObject first) {
            return first;
        }
        return shipments instanceof JsonObject one ? one : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static JsonObject assignedData(JsonObject assigned) {
        if (assigned.get("response") instanceof JsonObject response
                && response.get("data") instanceof JsonObject data) {
            return data;
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** The adhoc order of a parcel, in Shiprocket's fields. */
    private static JsonObject adhocOrder(ParcelRequest parcel) {
        PostalAddress to = parcel.to().normalised();
        JsonArrayBuilder items = JsonObjects.array();
        for (ParcelRequest.Item item : parcel.items()) {
            items.add(
                    JsonObjects.object()
                            .add("name", item.name())
                            .add("sku", item.sku())
                            .add("units", item.units())
                            .add("selling_price", rupees(item.unitMinor()))
                            .add("tax", item.taxRatePercent()));
        }
        JsonObjectBuilder order =
                JsonObjects.object()
                        .add("order_id", parcel.reference())
                        .add("order_date", ORDER_DATE.format(parcel.orderedAt()))
                        .add("pickup_location", parcel.pickup())
                        .add("billing_customer_name", to.name())
                        .add("billing_address", to.line1());
        if (to.line2() != null) {
            order.add("billing_address_2", to.line2());
        }
        return order.add("billing_city", to.city())
                .add("billing_pincode", to.postalCode())
                .add("billing_state", to.state())
                .add("billing_country", "IN".equals(to.country()) ? "India" : to.country())
                .add("billing_email", parcel.email())
                .add("billing_phone", mobile(to.phone()))
                .add("shipping_is_billing", true)
                .add("order_items", items)
                .add("payment_method", parcel.cashOnDelivery() ? "COD" : "Prepaid")
                .add("sub_total", rupees(parcel.valueMinor()))
                .add("length", parcel.lengthCm())
                .add("breadth", parcel.breadthCm())
                .add("height", parcel.heightCm())
                .add("weight", kilograms(parcel.weightGrams()))
                .build();
    }

    /** The label's link: Shiprocket makes the label on asking (again, if it was made before). */
    private String labelUrl(long shipmentId) {
        JsonObject answer =
                api.post(
                        "/v1/external/courier/generate/label",
                        JsonObjects.object()
                                .add("shipment_id", JsonObjects.array().add(shipmentId))
                                .build());
        return blankToNull(text(answer, "label_url"));
    }

    /**
     * The label PDF from the booking's link; when that link no longer serves it, from the link of a
     * label Shiprocket makes again.
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
            String url = labelUrl(shipmentId(booking));
            if (url == null) {
                throw new CarrierFailure(doing + ": Shiprocket made no label", false);
            }
            return api.download(url);
        } catch (ProviderHttp.Failure e) {
            throw failure(doing, e);
        }
    }

    @Override
    public void cancel(CarrierBooking booking) {
        try {
            api.post(
                    "/v1/external/orders/cancel/shipment/awbs",
                    JsonObjects.object()
                            .add("awbs", JsonObjects.array().add(booking.awb()))
                            .build());
        } catch (ProviderHttp.Failure e) {
            throw failure("Cancelling " + booking.awb(), e);
        }
    }

    /**
     * One pickup request per shipment (Shiprocket takes one shipment id per request). Every parcel
     * is asked for even when one is refused; then the refusals are reported together.
     */
    @Override
    public void requestPickup(List<CarrierBooking> bookings) {
        List<CarrierFailure> failures = new ArrayList<>();
        for (CarrierBooking booking : bookings) {
            try {
                api.post(
                        "/v1/external/courier/generate/pickup",
                        JsonObjects.object()
                                .add("shipment_id", JsonObjects.array().add(shipmentId(booking)))
                                .build());
            } catch (ProviderHttp.Failure e) {
                failures.add(failure("Pickup of " + booking.awb(), e));
            } catch (CarrierFailure e) {
                failures.add(e);
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
            JsonObject answer =
                    api.get("/v1/external/courier/track/awb/" + encodePath(booking.awb()));
            return tracking.tracking(booking.awb(), answer);
        } catch (ProviderHttp.Failure e) {
            throw failure("Tracking " + booking.awb(), e);
        }
    }

    /**
     * A tracking webhook. It is Shiprocket's when it carries {@code x-api-key} or its body is a
     * Shiprocket tracking update (an {@code awb} with a {@code current_status}); then the key must
     * be the configured token.
     */
    @Override
    public Optional<List<TrackingUpdate>> webhook(Map<String, String> headers, String body) {
        String key = header(headers, "x-api-key");
        JsonObject event = parsed(body);
        boolean looksOurs =
                event != null
                        && event.containsKey("awb")
                        && (event.containsKey("current_status")
                                || event.containsKey("shipment_status"));
        if (key == null && !looksOurs) {
            return Optional.empty();
        }
        if (webhookToken == null || webhookToken.isBlank()) {
            throw new BadSignature("Shiprocket webhooks are not set up here (no webhook token)");
        }
        if (key == null || !sameSecret(webhookToken, key.strip())) {
            throw new BadSignature("x-api-key is not the Shiprocket webhook token");
        }
        if (!looksOurs) {
            return Optional.of(List.of()); // Shiprocket's, but no tracking update in it.
        }
        return Optional.of(List.of(tracking.webhook(event)));
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

    /** A pickup location's PIN code, from Shiprocket's list of the seller's pickup locations. */
    private Optional<String> pickupPin(String pickup) {
        String known = pickupPins.get(pickup);
        if (known != null) {
            return Optional.of(known);
        }
        JsonObject answer = api.get("/v1/external/settings/company/pickup");
        if (answer.get("data") instanceof JsonObject data
                && data.get("shipping_address") instanceof JsonArray addresses) {
            for (JsonValue v : addresses) {
                if (v instanceof JsonObject a
                        && text(a, "pickup_location") != null
                        && text(a, "pin_code") != null) {
                    pickupPins.put(text(a, "pickup_location"), text(a, "pin_code"));
                }
            }
        }
        return Optional.ofNullable(pickupPins.get(pickup));
    }

    private static long shipmentId(CarrierBooking booking) {
        try {
            return Long.parseLong(booking.carrierReference());
        } catch (NumberFormatException | NullPointerException e) {
            throw new CarrierFailure(
                    "Parcel "
                            + booking.awb()
                            + " has no Shiprocket shipment id ("
                            + booking.carrierReference()
                            + ")",
                    false);
        }
    }

    private static long number(JsonObject json, String name, String doing) {
        String text = text(json, name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new CarrierFailure(
                    doing
                            + ": Shiprocket sent no "
                            + name
                            + ": "
                            + ShiprocketApi.reason(json, json.toString()),
                    false);
        }
    }

    /** Rupees with two decimals from minor units (paise). */
    static BigDecimal rupees(long minor) {
        return BigDecimal.valueOf(minor).movePointLeft(2);
    }

    static BigDecimal kilograms(int grams) {
        return BigDecimal.valueOf(grams).movePointLeft(3);
    }

    /** Minor units from rupees as Shiprocket sends them (a number, or a number in a string). */
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

    private static Integer days(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The ten digits of an Indian mobile number (without +91 or a leading 0). */
    private static String mobile(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String encodePath(String text) {
        return encode(text).replace("+", "%20");
    }
}
