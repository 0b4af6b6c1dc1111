package dev.selvedge.fulfilment.delhivery;

import static dev.selvedge.fulfilment.delhivery.DelhiveryApi.text;

import dev.selvedge.fulfilment.TrackingUpdate;
import dev.selvedge.fulfilment.TrackingUpdate.Step;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Delhivery's tracking as the shop's {@link TrackingUpdate}s. Delhivery tells a package's state by
 * a status type (UD undelivered forward, DL closed, RT returning, CN cancelled; PP and PU are
 * reverse pickups, which the shop does not book) and a status within it; times carry no zone and
 * are India time. The carrier status kept is "Status (Type)", since "In Transit" means one thing
 * going out (UD) and another coming back (RT).
 */
final class DelhiveryTracking {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    /** "TYPE/status" (status lower-case) to step; anything else is {@link Step#UNKNOWN}. */
    static final Map<String, Step> STEPS =
            Map.ofEntries(
                    Map.entry("UD/manifested", Step.BOOKED),
                    Map.entry("UD/not picked", Step.BOOKED),
                    Map.entry("UD/in transit", Step.IN_TRANSIT),
                    // At the delivery centre, not yet out (also after a failed attempt).
                    Map.entry("UD/pending", Step.IN_TRANSIT),
                    Map.entry("UD/dispatched", Step.OUT_FOR_DELIVERY),
                    Map.entry("DL/delivered", Step.DELIVERED),
                    // On its way back to the shop: it will not reach the shopper.
                    Map.entry("RT/in transit", Step.DELIVERY_FAILED),
                    Map.entry("RT/pending", Step.DELIVERY_FAILED),
                    Map.entry("RT/dispatched", Step.DELIVERY_FAILED),
                    Map.entry("DL/rto", Step.RETURNED_TO_ORIGIN),
                    Map.entry("UD/cancelled", Step.CANCELLED),
                    Map.entry("UD/canceled", Step.CANCELLED),
                    Map.entry("CN/cancelled", Step.CANCELLED),
                    Map.entry("CN/canceled", Step.CANCELLED),
                    Map.entry("CN/closed", Step.CANCELLED));

    private static final List<DateTimeFormatter> LOCAL_TIMES =
            List.of(
                    DateTimeFormatter.ISO_LOCAL_DATE_TIME,
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT));

    private final Clock clock;

    DelhiveryTracking(Clock clock) {
        this.clock = clock;
    }

    static Step step(String type, String status) {
        if (type == null || status == null) {
            return Step.UNKNOWN;
        }
        String key =
                type.strip().toUpperCase(Locale.ROOT)
                        + "/"
                        + status.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return STEPS.getOrDefault(key, Step.UNKNOWN);
    }

    static String carrierStatus(String type, String status) {
        String s = status == null || status.isBlank() ? "NA" : status.strip();
        return type == null || type.isBlank() ? s : s + " (" + type.strip() + ")";
    }

    /**
     * A Delhivery time: India time unless it carries an offset. One it cannot read is taken as now,
     * so that the report is kept all the same.
     */
    Instant time(String text) {
        if (text != null && !text.isBlank()) {
            String t = text.strip();
            for (DateTimeFormatter f : LOCAL_TIMES) {
                try {
                    return LocalDateTime.parse(t, f).atZone(INDIA).toInstant();
                } catch (DateTimeParseException e) {
                    // Try the next format.
                }
            }
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e) {
                // Taken as now, below.
            }
        }
        return clock.instant();
    }

    /** The first shipment of a tracking answer ({@code ShipmentData[0].Shipment}), or null. */
    static JsonObject shipment(JsonObject answer) {
        if (answer.get("ShipmentData") instanceof JsonArray data
                && !data.isEmpty()
                && data.get(0) instanceof JsonObject first
                && first.get("Shipment") instanceof JsonObject shipment) {
            return shipment;
        }
        return null;
    }

    /** A shipment's scans, oldest first; its current status when it has no scans. */
    List<TrackingUpdate> updates(String awb, JsonObject shipment) {
        List<TrackingUpdate> updates = new ArrayList<>();
        if (shipment.get("Scans") instanceof JsonArray scans) {
            for (JsonValue v : scans) {
                JsonObject scan =
                        v instanceof JsonObject o && o.get("ScanDetail") instanceof JsonObject d
                                ? d
                                : v instanceof JsonObject o2 ? o2 : null;
                if (scan != null) {
                    String type = text(scan, "ScanType");
                    String status = text(scan, "Scan");
                    updates.add(
                            new TrackingUpdate(
                                    awb,
                                    carrierStatus(type, status),
                                    step(type, status),
                                    time(
                                            text(scan, "ScanDateTime") != null
                                                    ? text(scan, "ScanDateTime")
                                                    : text(scan, "StatusDateTime")),
                                    text(scan, "ScannedLocation"),
                                    text(scan, "Instructions")));
                }
            }
        }
        if (updates.isEmpty() && shipment.get("Status") instanceof JsonObject) {
            updates.add(current(awb, shipment));
        }
        updates.sort(Comparator.comparing(TrackingUpdate::at));
        return updates;
    }

    /** A shipment's current status ({@code Shipment.Status}), as the scan push sends it. */
    TrackingUpdate current(String awb, JsonObject shipment) {
        JsonObject status =
                shipment.get("Status") instanceof JsonObject s ? s : JsonValue.EMPTY_JSON_OBJECT;
        String type = text(status, "StatusType");
        String name = text(status, "Status");
        return new TrackingUpdate(
                awb,
                carrierStatus(type, name),
                step(type, name),
                time(text(status, "StatusDateTime")),
                text(status, "StatusLocation"),
                text(status, "Instructions"));
    }
}
