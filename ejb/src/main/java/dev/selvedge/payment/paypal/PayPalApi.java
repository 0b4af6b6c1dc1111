package dev.selvedge.payment.paypal;

import dev.selvedge.shared.ProviderHttp;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * PayPal's REST API (https://developer.paypal.com/api/rest/): an OAuth 2 access token from the
 * client id and secret (kept until a minute before it expires), then JSON calls with it. Called
 * directly because PayPal's Java Server SDK only knows PayPal's own two hosts, and the shop needs
 * another for its tests and for a proxy.
 */
final class PayPalApi {

    private final ProviderHttp http;
    private final String basicAuth;
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    PayPalApi(String base, String clientId, String secret, Duration timeout, Clock clock) {
        this.http = new ProviderHttp("PayPal", base, timeout);
        this.basicAuth =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    JsonObject get(String path) {
        return http.send(authorised(http.to(path)).GET());
    }

    /** A POST with PayPal-Request-Id, so that PayPal does it once however often it is sent. */
    JsonObject post(String path, JsonObject body, String requestId) {
        HttpRequest.Builder request =
                authorised(http.to(path))
                        .header("Content-Type", "application/json")
                        .header("Prefer", "return=representation")
                        .POST(ProviderHttp.json(body));
        if (requestId != null) {
            request.header("PayPal-Request-Id", requestId);
        }
        return http.send(request);
    }

    /** PayPal's name for what went wrong ({@code INSTRUMENT_DECLINED}, ...), or null. */
    static String issue(ProviderHttp.Failure e) {
        JsonObject body = e.body();
        if (body.containsKey("details") && !body.getJsonArray("details").isEmpty()) {
            return body.getJsonArray("details").getJsonObject(0).getString("issue", null);
        }
        return body.getString("name", null);
    }

    static String reason(ProviderHttp.Failure e) {
        return e.body().getString("message", e.getMessage());
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + accessToken());
    }

    private synchronized String accessToken() {
        if (token == null || clock.instant().isAfter(tokenExpires)) {
            JsonObject answer =
                    http.send(
                            http.to("/v1/oauth2/token")
                                    .header("Authorization", basicAuth)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "grant_type=client_credentials")));
            token = answer.getString("access_token");
            tokenExpires =
                    clock.instant()
                            .plusSeconds(answer.getJsonNumber("expires_in").longValue())
                            .minusSeconds(60);
        }
        return token;
    }
}
