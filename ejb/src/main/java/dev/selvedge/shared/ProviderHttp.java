package dev.selvedge.shared;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON over HTTP to a provider's REST API (payment gateways, carriers), for the adapters whose
 * provider has no Java SDK that can be pointed at another host: one client per provider (HTTP/1.1,
 * timeouts from the configuration), answers read as JSON (or as bytes, for documents), errors as
 * {@link Failure}.
 */
public final class ProviderHttp {

    /** The provider answered with an error status, or (status 0) did not answer in time. */
    public static final class Failure extends RuntimeException {
        private final int status;
        private final JsonObject body;

        Failure(int status, JsonObject body, String message) {
            super(message);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        /** The provider's error document (empty when there was none). */
        public JsonObject body() {
            return body;
        }
    }

    private final String provider;
    private final String base;
    private final Duration timeout;
    private final HttpClient http;

    public ProviderHttp(String provider, String base, Duration timeout) {
        this.provider = provider;
        this.base = base.replaceAll("/+$", "");
        this.timeout = timeout;
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(timeout)
                        .build();
    }

    /** A request to a path of the provider's API. */
    public HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .timeout(timeout);
    }

    /**
     * A request to a full address the provider handed out (a label's download link), outside its
     * API: no Accept header, and none of the API's credentials unless the caller adds them.
     */
    public HttpRequest.Builder toUrl(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    }

    public static HttpRequest.BodyPublisher json(JsonObject body) {
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    /**
     * An {@code application/x-www-form-urlencoded} body of these fields, in their order (the caller
     * sets the Content-Type).
     */
    public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(
                fields.entrySet().stream()
                        .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                        .collect(Collectors.joining("&")));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * The answer as bytes (a PDF, or JSON that is not an object), or {@link Failure} on an error
     * status (its body read as JSON when it is) or no answer in time.
     */
    public byte[] bytes(HttpRequest.Builder request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Failure(
                    0,
                    JsonObjects.object().build(),
                    provider + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(
                    0, JsonObjects.object().build(), "Interrupted while waiting for " + provider);
        }
        if (response.statusCode() >= 300) {
            JsonObject json;
            try {
                json = JsonObjects.parse(new String(response.body(), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                json = JsonObjects.object().build();
            }
            throw new Failure(
                    response.statusCode(),
                    json,
                    provider + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    public JsonObject send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(
                    0,
                    JsonObjects.object().build(),
                    provider + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(
                    0, JsonObjects.object().build(), "Interrupted while waiting for " + provider);
        }
        JsonObject json;
        try {
            json =
                    response.body().isBlank()
                            ? JsonObjects.object().build()
                            : JsonObjects.parse(response.body());
        } catch (RuntimeException e) {
            throw new Failure(
                    response.statusCode(),
                    JsonObjects.object().build(),
                    provider + " sent no JSON (HTTP " + response.statusCode() + ")");
        }
        if (response.statusCode() >= 300) {
            throw new Failure(
                    response.statusCode(),
                    json,
                    provider + " answered HTTP " + response.statusCode());
        }
        return json;
    }
}
