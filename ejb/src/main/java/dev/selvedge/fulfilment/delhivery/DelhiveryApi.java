package dev.selvedge.fulfilment.delhivery;

import dev.selvedge.fulfilment.CarrierFailure;
import dev.selvedge.shared.ProviderHttp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delhivery's direct B2C API (https://delhivery-express-api-doc.readme.io/): every call carries
 * {@code Authorization: Token <api token>}; answers are JSON, except the order creation, which
 * takes a form body of {@code format=json&data=<the shipments as JSON>}.
 */
final class DelhiveryApi {

    private final ProviderHttp http;
    private final String authorization;

    DelhiveryApi(String base, String apiToken, Duration timeout) {
        this.http = new ProviderHttp("Delhivery", base, timeout);
        this.authorization = "Token " + apiToken;
    }

    JsonObject get(String pathAndQuery) {
        return http.send(http.to(pathAndQuery).header("Authorization", authorization).GET());
    }

    /** A GET whose answer is not a JSON object (the invoice API answers with an array). */
    byte[] getBytes(String pathAndQuery) {
        return http.bytes(http.to(pathAndQuery).header("Authorization", authorization).GET());
    }

    JsonObject post(String path, JsonObject body) {
        return http.send(
                http.to(path)
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(ProviderHttp.json(body)));
    }

    /** The order creation's form: {@code format=json&data=<data>}. */
    JsonObject postData(String path, JsonObject data) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("format", "json");
        form.put("data", data.toString());
        return http.send(
                http.to(path)
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(ProviderHttp.form(form)));
    }

    /** A document Delhivery links to (a packing slip on its storage): no token goes with it. */
    byte[] download(String url) {
        return http.bytes(http.toUrl(url).GET());
    }

    /**
     * What went wrong, as a {@link CarrierFailure}: no answer, 429 and 5xx can pass by themselves;
     * any other error needs a person, who reads Delhivery's own words in the message.
     */
    static CarrierFailure failure(String doing, ProviderHttp.Failure e) {
        int status = e.status();
        if (status == 0) {
            return new CarrierFailure(doing + ": " + e.getMessage(), true);
        }
        return new CarrierFailure(
                doing + " failed (HTTP " + status + "): " + reason(e.body(), e.getMessage()),
                status == 429 || status >= 500);
    }

    /**
     * Delhivery's words in an answer: {@code rmk} of the order creation, the remarks of its
     * packages, {@code error}, {@code detail} or {@code remark} elsewhere; {@code otherwise} when
     * there are none.
     */
    static String reason(JsonObject body, String otherwise) {
        List<String> words = new ArrayList<>();
        for (String field : List.of("rmk", "error", "detail", "message", "remark")) {
            String t = text(body, field);
            if (t != null && !t.isBlank() && !"true".equals(t) && !"false".equals(t)) {
                words.add(t.strip());
            }
        }
        if (body.get("packages") instanceof JsonArray packages) {
            for (JsonValue p : packages) {
                if (p instanceof JsonObject pkg && pkg.get("remarks") instanceof JsonArray rs) {
                    for (JsonValue r : rs) {
                        String t = r instanceof JsonString s ? s.getString() : r.toString();
                        if (!t.isBlank() && !words.contains(t.strip())) {
                            words.add(t.strip());
                        }
                    }
                } else if (p instanceof JsonObject pkg && text(pkg, "remarks") != null) {
                    words.add(text(pkg, "remarks").strip());
                }
            }
        }
        if (words.isEmpty() && !body.isEmpty()) {
            String all = body.toString(); // Delhivery's words under a key of its own choosing.
            return all.length() > 300 ? all.substring(0, 300) + "…" : all;
        }
        return words.isEmpty() ? otherwise : String.join("; ", words);
    }

    /** A field as text whether Delhivery sent it as a string or a number; null when absent. */
    static String text(JsonObject json, String name) {
        JsonValue value = json == null ? null : json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
