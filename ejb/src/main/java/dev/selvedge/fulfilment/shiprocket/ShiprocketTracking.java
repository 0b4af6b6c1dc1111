package dev.selvedge.fulfilment.shiprocket;

import static dev.selvedge.fulfilment.shiprocket.ShiprocketApi.text;

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
 * Shiprocket's tracking as the shop's {@link TrackingUpdate}s: its status labels ("IN TRANSIT",
 * "RTO DELIVERED", the same words in the tracking API, its scans' {@code sr-status-label} and the
 * webhook's {@code current_status}) mapped to steps, and its times, which carry no zone and are
 * India time.
 */
final class ShiprocketTracking {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    /**
     * Status label to step. Labels are compared upper-case with "_" and "-" read as spaces
     * ("RTO_OFD" is "RTO OFD"). Anything else is {@link Step#UNKNOWN}, kept as it came.
     */
    static final Map<String, Step> STEPS =
            Map.ofEntries(
                    Map.entry("AWB ASSIGNED", Step.BOOKED),
                    Map.entry("LABEL GENERATED", Step.BOOKED),
                    Map.entry("READY TO SHIP", Step.BOOKED),
                    Map.entry("PICKUP SCHEDULED", Step.BOOKED),
                    Map.entry("PICKUP GENERATED", Step.BOOKED),
                    Map.entry("PICKUP QUEUED", Step.BOOKED),
                    Map.entry("PICKUP RESCHEDULED", Step.BOOKED),
                    Map.entry("PICKUP ERROR", Step.BOOKED),
                    Map.entry("PICKUP EXCEPTION", Step.BOOKED),
                    Map.entry("OUT FOR PICKUP", Step.BOOKED),
                    Map.entry("MANIFEST GENERATED", Step.BOOKED),
                    Map.entry("SHIPMENT BOOKED", Step.BOOKED),
                    Map.entry("PICKED UP", Step.PICKED_UP),
                    Map.entry("SHIPPED", Step.PICKED_UP),
                    Map.entry("HANDOVER TO COURIER", Step.PICKED_UP),
                    Map.entry("IN TRANSIT", Step.IN_TRANSIT),
                    Map.entry("REACHED AT DESTINATION HUB", Step.IN_TRANSIT),
                    Map.entry("REACHED DESTINATION HUB", Step.IN_TRANSIT),
                    Map.entry("REACHED WAREHOUSE", Step.IN_TRANSIT),
                    Map.entry("IN FLIGHT", Step.IN_TRANSIT),
                    Map.entry("MISROUTED", Step.IN_TRANSIT),
                    Map.entry("DELAYED", Step.IN_TRANSIT),
                    Map.entry("OUT FOR DELIVERY", Step.OUT_FOR_DELIVERY),
                    Map.entry("DELIVERED", Step.DELIVERED),
                    Map.entry("UNDELIVERED", Step.DELIVERY_FAILED),
                    // On its way back: it will not reach the shopper.
                    Map.entry("RTO INITIATED", Step.DELIVERY_FAILED),
                    Map.entry("RTO IN TRANSIT", Step.DELIVERY_FAILED),
                    Map.entry("RTO IN INTRANSIT", Step.DELIVERY_FAILED),
                    Map.entry("RTO OFD", Step.DELIVERY_FAILED),
                    Map.entry("RTO NDR", Step.DELIVERY_FAILED),
                    Map.entry("RTO DELIVERED", Step.RETURNED_TO_ORIGIN),
                    Map.entry("RTO ACKNOWLEDGED", Step.RETURNED_TO_ORIGIN),
                    Map.entry("CANCELED", Step.CANCELLED),
                    Map.entry("CANCELLED", Step.CANCELLED),
                    Map.entry("CANCELLED BEFORE DISPATCHED", Step.CANCELLED));

    /** Time formats Shiprocket uses: its scans and APIs, and its webhook's current_timestamp. */
    private static final List<DateTimeFormatter> LOCAL_TIMES =
            List.of(
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT),
                    DateTimeFormatter.ofPattern("dd MM yyyy HH:mm:ss", Locale.ROOT),
                    DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private final Clock clock;

    ShiprocketTracking(Clock clock) {
        this.clock = clock;
    }

    static Step step(String status) {
        return status == null ? Step.UNKNOWN : STEPS.getOrDefault(normalised(status), Step.UNKNOWN);
    }

    private static String normalised(String status) {
        return status.strip()
                .toUpperCase(Locale.ROOT)
                .replaceAll("[_-]", " ")
                .replaceAll("\\s+", " ");
    }

    /**
     * A Shiprocket time: India time unless it carries an offset. One it cannot read is taken as
     * now, so that the report is kept all the same.
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

    /**
     * The answer of GET /courier/track/awb/{awb}: its scans, oldest first (Shiprocket lists them
     * newest first); the shipment's current status when it has no scans yet.
     */
    List<TrackingUpdate> tracking(String awb, JsonObject answer) {
        JsonObject data =
                answer.get("tracking_data") instanceof JsonObject d
                        ? d
                        : JsonValue.EMPTY_JSON_OBJECT;
        List<TrackingUpdate> updates = new ArrayList<>();
        if (data.get("shipment_track_activities") instanceof JsonArray scans) {
            for (JsonValue v : scans) {
                if (v instanceof JsonObject scan) {
                    updates.add(scan(awb, scan));
                }
            }
        }
        if (updates.isEmpty() && data.get("shipment_track") instanceof JsonArray tracks) {
            for (JsonValue v : tracks) {
                if (v instanceof JsonObject track && text(track, "current_status") != null) {
                    String status = text(track, "current_status");
                    String at = text(track, "delivered_date");
                    updates.add(
                            new TrackingUpdate(
                                    awb,
                                    status,
                                    step(status),
                                    time(at != null ? at : text(track, "pickup_date")),
                                    text(track, "destination"),
                                    null));
                }
            }
        }
        updates.sort(Comparator.comparing(TrackingUpdate::at));
        return updates;
    }

    /**
     * One scan: its Shiprocket label is the status when it has one; a scan Shiprocket labels "NA"
     * is kept with the courier's words.
     */
    private TrackingUpdate scan(String awb, JsonObject scan) {
        String label = text(scan, "sr-status-label");
        String activity = text(scan, "activity");
        String status =
                label == null || label.isBlank() || "NA".equalsIgnoreCase(label.strip())
                        ? firstOf(activity, text(scan, "status"), "NA")
                        : label;
        return new TrackingUpdate(
                awb,
                status,
                step(label),
                time(text(scan, "date")),
                text(scan, "location"),
                activity);
    }

    /** The update a tracking webhook reports: its current status, where its last scan was. */
    TrackingUpdate webhook(JsonObject event) {
        String status =
                firstOf(text(event, "current_status"), text(event, "shipment_status"), "NA");
        JsonObject last = null;
        if (event.get("scans") instanceof JsonArray scans && !scans.isEmpty()) {
            if (scans.get(scans.size() - 1) instanceof JsonObject scan) {
                last = scan;
            }
        }
        return new TrackingUpdate(
                text(event, "awb"),
                status,
                step(status),
                time(text(event, "current_timestamp")),
                last == null ? null : text(last, "location"),
                last == null ? null : text(last, "activity"));
    }

    private static String firstOf(String... texts) {
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                return t;
            }
        }
        return null;
    }
}
