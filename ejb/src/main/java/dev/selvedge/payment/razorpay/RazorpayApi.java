package dev.selvedge.payment.razorpay;

import dev.selvedge.shared.ProviderHttp;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Razorpay's REST API (https://razorpay.com/docs/api/): JSON with Basic auth of the key id and
 * secret. Called directly because Razorpay's Java SDK cannot be pointed at another host (its host
 * name is a constant), which the shop needs for its tests and for a proxy.
 */
final class RazorpayApi {

    private final ProviderHttp http;
    private final String authorization;

    RazorpayApi(String base, String keyId, String keySecret, Duration timeout) {
        this.http = new ProviderHttp("Razorpay", base, timeout);
        this.authorization =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
    }

    JsonObject get(String path) {
        return http.send(http.to(path).header("Authorization", authorization).GET());
    }

    JsonObject post(String path, JsonObject body) {
        return http.send(
                http.to(path)
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(ProviderHttp.json(body)));
    }

    /** Razorpay's own words for a refusal. */
    static String reason(ProviderHttp.Failure e) {
        JsonObject error = e.body().getJsonObject("error");
        return error == null ? e.getMessage() : error.getString("description", e.getMessage());
    }
}
