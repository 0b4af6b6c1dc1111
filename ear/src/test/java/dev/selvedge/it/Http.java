package dev.selvedge.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A small HTTP client for the API tests: GET a path, read status, headers and JSON. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public record Reply(
            int status,
            String contentType,
            Map<String, java.util.List<String>> headers,
            String body) {
        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonStructure structure() {
            return Json.createReader(new StringReader(body)).read();
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private Http() {}

    public static Reply get(String path, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(ShopDeployment.baseUrl() + path)).GET(), headers);
    }

    /** POSTs a JSON body. */
    public static Reply post(String path, String json, String... headers) {
        return postTo(ShopDeployment.baseUrl() + path, json, headers);
    }

    /** POSTs a JSON body to a full URL (another service than the shop). */
    public static Reply postTo(String url, String json, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                headers);
    }

    /** POSTs a form, as another site's page could. */
    public static Reply postForm(String path, String form, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(ShopDeployment.baseUrl() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                headers);
    }

    public static Reply delete(String path, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(ShopDeployment.baseUrl() + path)).DELETE(),
                headers);
    }

    private static Reply send(HttpRequest.Builder request, String... headers) {
        try {
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<byte[]> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(),
                    new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
