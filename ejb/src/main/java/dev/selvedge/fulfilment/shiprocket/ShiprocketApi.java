package dev.selvedge.fulfilment.shiprocket;

import dev.selvedge.fulfilment.CarrierFailure;
import dev.selvedge.shared.JsonObjects;
import dev.selvedge.shared.ProviderHttp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Shiprocket's API v1 external (https://apidocs.shiprocket.in/): a token from logging in with the
 * API user's email and password, sent as a bearer token on every other call. The token lasts ten
 * days: it is kept, renewed after nine, and renewed at once when Shiprocket answers 401 for it (one
 * new login per call, so that a wrong password does not loop).
 */
final class ShiprocketApi {

    static final Duration TOKEN_KEPT = Duration.ofDays(9);

    private record Token(String value, Instant at) {}

    private final ProviderHttp http;
    private final String email;
    private final String password;
    private final Clock clock;
    private volatile Token token;

    ShiprocketApi(String base, String email, String password, Duration timeout, Clock clock) {
        this.http = new ProviderHttp("Shiprocket", base, timeout);
        this.email = email;
        this.password = password;
        this.clock = clock;
    }

    JsonObject get(String pathAndQuery) {
        return call(t -> http.to(pathAndQuery).header("Authorization", "Bearer " + t).GET());
    }

    JsonObject post(String path, JsonObject body) {
        return call(
                t ->
                        http.to(path)
                                .header("Authorization", "Bearer " + t)
                                .header("Content-Type", "application/json")
                                .POST(ProviderHttp.json(body)));
    }

    /** A document Shiprocket links to (a label on its storage): no credentials go with it. */
    byte[] download(String url) {
        return http.bytes(http.toUrl(url).GET());
    }

    private JsonObject call(Function<String, HttpRequest.Builder> request) {
        String used = token();
        try {
            return http.send(request.apply(used));
        } catch (ProviderHttp.Failure e) {
            if (e.status() != 401) {
                throw e;
            }
            return http.send(request.apply(renew(used)));
        }
    }

    private String token() {
        Token t = token;
        if (t != null && fresh(t)) {
            return t.value();
        }
        return renew(t == null ? null : t.value());
    }

    private boolean fresh(Token t) {
        return clock.instant().isBefore(t.at().plus(TOKEN_KEPT));
    }

    /** Logs in again, unless another call did since {@code stale} was handed out. */
    private synchronized String renew(String stale) {
        Token t = token;
        if (t != null && !t.value().equals(stale) && fresh(t)) {
            return t.value();
        }
        JsonObject answer =
                http.send(
                        http.to("/v1/external/auth/login")
                                .header("Content-Type", "application/json")
                                .POST(
                                        ProviderHttp.json(
                                                JsonObjects.object()
                                                        .add("email", email)
                                                        .add("password", password)
                                                        .build())));
        String value = text(answer, "token");
        if (value == null || value.isBlank()) {
            throw new CarrierFailure("Shiprocket's login gave no token", false);
        }
        token = new Token(value, clock.instant());
        return value;
    }

    /**
     * What went wrong, as a {@link CarrierFailure}: no answer, 429 and 5xx can pass by themselves;
     * any other error needs a person, who reads Shiprocket's own words in the message.
     */
    static CarrierFailure failure(String doing, ProviderHttp.Failure e) {
        int status = e.status();
        boolean retryable = status == 0 || status == 429 || status >= 500;
        if (status == 0) {
            return new CarrierFailure(doing + ": " + e.getMessage(), true);
        }
        return new CarrierFailure(
                doing + " failed (HTTP " + status + "): " + reason(e.body(), e.getMessage()),
                retryable);
    }

    /** Shiprocket's message and field errors from an answer, or {@code otherwise}. */
    static String reason(JsonObject body, String otherwise) {
        List<String> words = new ArrayList<>();
        String message = text(body, "message");
        if (message != null && !message.isBlank()) {
            words.add(message.strip());
        }
        if (body.get("errors") instanceof JsonObject errors) {
            for (Map.Entry<String, JsonValue> field : errors.entrySet()) {
                words.add(field.getKey() + ": " + joined(field.getValue()));
            }
        }
        return words.isEmpty() ? otherwise : String.join(" ", words);
    }

    private static String joined(JsonValue value) {
        if (value instanceof JsonArray array) {
            List<String> parts = new ArrayList<>();
            for (JsonValue v : array) {
                parts.add(v instanceof JsonString s ? s.getString() : v.toString());
            }
            return String.join(" ", parts);
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    /** A field as text whether Shiprocket sent it as a string or a number; null when absent. */
    static String text(JsonObject json, String name) {
        JsonValue value = json == null ? null : json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
