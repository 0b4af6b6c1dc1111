package dev.selvedge.payment.razorpay;

import dev.selvedge.shared.JsonObjects;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Razorpay's REST API (https://razorpay.com/docs/api/): JSON over HTTPS with Basic auth of the key
 * id and secret. Hand-written because Razorpay's Java SDK cannot be pointed at another host (its
 * host name is a constant), which the shop needs for its tests and for a proxy.
 */
final class RazorpayApi {

    /** Razorpay answered with an error (or not at all); {@code status} 0 when it did not answer. */
    static final class Failure extends RuntimeException {
        final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final HttpClient http;
    private final String base;
    private final String authorization;
    private final Duration timeout;

    RazorpayApi(String base, String keyId, String keySecret, Duration timeout) {
        this.base = base.replaceAll("/+$", "");
        this.authorization =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(timeout)
                        .build();
    }

    JsonObject get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    JsonObject post(String path, JsonObject body) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private JsonObject send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response =
                    http.send(
                            request.header("Authorization", authorization)
                                    .header("Accept", "application/json")
                                    .timeout(timeout)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(0, "Razorpay did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(0, "Interrupted while waiting for Razorpay");
        }
        JsonObject json;
        try {
            json = JsonObjects.parse(response.body());
        } catch (RuntimeException e) {
            throw new Failure(
                    response.statusCode(), "Razorpay sent no JSON (" + response.statusCode() + ")");
        }
        if (response.statusCode() >= 300) {
            JsonObject error = json.getJsonObject("error");
            throw new Failure(
                    response.statusCode(),
                    error == null
                            ? "HTTP " + response.statusCode()
                            : error.getString("description", "HTTP " + response.statusCode()));
        }
        return json;
    }
}
