package dev.selvedge.payment.paypal;

import dev.selvedge.shared.JsonObjects;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * PayPal's REST API (https://developer.paypal.com/api/rest/): an OAuth 2 access token from the
 * client id and secret (kept until shortly before it expires), then JSON calls with it.
 * Hand-written because PayPal's Java Server SDK only knows PayPal's own two hosts, and the shop
 * needs another for its tests and for a proxy.
 */
final class PayPalApi {

    /** PayPal answered with an error (or not at all); {@code status} 0 when it did not answer. */
    static final class Failure extends RuntimeException {
        final int status;
        final String issue;

        Failure(int status, String issue, String message) {
            super(message);
            this.status = status;
            this.issue = issue;
        }
    }

    private final HttpClient http;
    private final String base;
    private final String basicAuth;
    private final Duration timeout;
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    PayPalApi(String base, String clientId, String secret, Duration timeout, Clock clock) {
        this.base = base.replaceAll("/+$", "");
        this.basicAuth =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.clock = clock;
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(timeout)
                        .build();
    }

    JsonObject get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), true);
    }

    /** A POST with PayPal-Request-Id, so that PayPal does it once however often it is sent. */
    JsonObject post(String path, JsonObject body, String requestId) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .header("Prefer", "return=representation")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (requestId != null) {
            request.header("PayPal-Request-Id", requestId);
        }
        return send(request, true);
    }

    private synchronized String accessToken() {
        if (token == null || clock.instant().isAfter(tokenExpires)) {
            JsonObject answer =
                    send(
                            HttpRequest.newBuilder(URI.create(base + "/v1/oauth2/token"))
                                    .header("Authorization", basicAuth)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "grant_type=client_credentials")),
                            false);
            token = answer.getString("access_token");
            tokenExpires =
                    clock.instant()
                            .plusSeconds(answer.getJsonNumber("expires_in").longValue())
                            .minusSeconds(60);
        }
        return token;
    }

    private JsonObject send(HttpRequest.Builder request, boolean authorised) {
        if (authorised) {
            request.header("Authorization", "Bearer " + accessToken());
        }
        HttpResponse<String> response;
        try {
            response =
                    http.send(
                            request.header("Accept", "application/json").timeout(timeout).build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(0, null, "PayPal did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(0, null, "Interrupted while waiting for PayPal");
        }
        JsonObject json;
        try {
            json =
                    response.body().isBlank()
                            ? JsonObjects.object().build()
                            : JsonObjects.parse(response.body());
        } catch (RuntimeException e) {
            throw new Failure(response.statusCode(), null, "PayPal sent no JSON");
        }
        if (response.statusCode() >= 300) {
            String issue =
                    json.containsKey("details") && !json.getJsonArray("details").isEmpty()
                            ? json.getJsonArray("details").getJsonObject(0).getString("issue", null)
                            : json.getString("name", null);
            throw new Failure(
                    response.statusCode(),
                    issue,
                    json.getString("message", "HTTP " + response.statusCode()));
        }
        return json;
    }
}
