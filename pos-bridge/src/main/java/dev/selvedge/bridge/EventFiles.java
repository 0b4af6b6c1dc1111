package dev.selvedge.bridge;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads what tills export: JSON (one event or an array of them) or CSV with a header row {@code
 * eventId,storeCode,terminalId,occurredAt,type,reason,sku,barcode,quantity,unitPrice}, one row per
 * line of an event (rows with the same eventId make one event). Store and till default to the
 * bridge's own. The shop checks everything else; the bridge only needs an event id to keep events
 * apart.
 */
final class EventFiles {

    /** An event as it will be sent: its id and its JSON. */
    record Event(String eventId, String json) {}

    private final String storeCode;
    private final String terminalId;

    EventFiles(String storeCode, String terminalId) {
        this.storeCode = storeCode;
        this.terminalId = terminalId;
    }

    /** The events of a JSON text: one object or an array of objects. */
    List<Event> json(String text) {
        JsonStructure json;
        try {
            json = Json.createReader(new StringReader(text)).read();
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getMessage());
        }
        List<Event> events = new ArrayList<>();
        if (json.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue value : json.asJsonArray()) {
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new IllegalArgumentException("An array of events holds only objects");
                }
                events.add(event(value.asJsonObject()));
            }
        } else {
            events.add(event(json.asJsonObject()));
        }
        return events;
    }

    /** The events of a CSV export, in the order their first rows appear. */
    List<Event> csv(Reader reader) throws IOException {
        Map<String, JsonObjectBuilder> events = new LinkedHashMap<>();
        Map<String, JsonArrayBuilder> lines = new LinkedHashMap<>();
        CSVFormat format =
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setTrim(true)
                        .get();
        for (CSVRecord row : format.parse(reader)) {
            String eventId = value(row, "eventId");
            if (eventId == null) {
                throw new IllegalArgumentException(
                        "Row " + row.getRecordNumber() + " has no eventId");
            }
            events.computeIfAbsent(
                    eventId,
                    id -> {
                        JsonObjectBuilder event = Json.createObjectBuilder().add("eventId", id);
                        put(event, "storeCode", or(value(row, "storeCode"), storeCode));
                        put(event, "terminalId", or(value(row, "terminalId"), terminalId));
                        put(event, "occurredAt", value(row, "occurredAt"));
                        put(event, "type", value(row, "type"));
                        put(event, "reason", value(row, "reason"));
                        return event;
                    });
            JsonObjectBuilder line = Json.createObjectBuilder();
            put(line, "sku", value(row, "sku"));
            put(line, "barcode", value(row, "barcode"));
            String quantity = value(row, "quantity");
            if (quantity != null) {
                try {
                    line.add("quantity", Integer.parseInt(quantity));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "Row "
                                    + row.getRecordNumber()
                                    + ": quantity '"
                                    + quantity
                                    + "' is not a whole number");
                }
            }
            String price = value(row, "unitPrice");
            if (price != null) {
                line.add("unitPrice", new java.math.BigDecimal(price));
            }
            lines.computeIfAbsent(eventId, id -> Json.createArrayBuilder()).add(line);
        }
        List<Event> parsed = new ArrayList<>();
        events.forEach(
                (id, event) ->
                        parsed.add(
                                new Event(
                                        id, event.add("lines", lines.get(id)).build().toString())));
        return parsed;
    }

    private Event event(JsonObject json) {
        JsonValue id = json.get("eventId");
        if (id == null || id.getValueType() != JsonValue.ValueType.STRING) {
            throw new IllegalArgumentException("An event needs an eventId (a string)");
        }
        JsonObjectBuilder event = Json.createObjectBuilder(json);
        if (!json.containsKey("storeCode")) {
            event.add("storeCode", storeCode);
        }
        if (!json.containsKey("terminalId")) {
            event.add("terminalId", terminalId);
        }
        return new Event(((jakarta.json.JsonString) id).getString(), event.build().toString());
    }

    private static String value(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column);
        return value.isEmpty() ? null : value;
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static void put(JsonObjectBuilder builder, String name, String value) {
        if (value != null) {
            builder.add(name, value);
        }
    }
}
