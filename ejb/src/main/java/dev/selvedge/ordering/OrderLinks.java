package dev.selvedge.ordering;

import dev.selvedge.shared.RandomTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The link to an order's page that its emails carry: the order number with a token signed by the
 * shop (HMAC-SHA256 under the secret {@code selvedge.orders.link-secret}), so that the link opens
 * the order for whoever holds the email and nobody opens an order from its number alone. Nothing is
 * stored: the token is checked by signing the number again.
 */
@ApplicationScoped
public class OrderLinks {

    private static final Logger LOG = Logger.getLogger(OrderLinks.class.getName());
    private static final int MIN_SECRET = 32;

    @Inject private Config config;

    @Inject
    @ConfigProperty(name = "selvedge.public-url", defaultValue = "http://localhost:8080")
    private String publicUrl;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        String secret =
                config.getOptionalValue("selvedge.orders.link-secret", String.class).orElse("");
        if (secret.length() < MIN_SECRET) {
            // Safe rather than open: links made now stop working at the next restart.
            LOG.warning(
                    "selvedge.orders.link-secret is missing or shorter than "
                            + MIN_SECRET
                            + " characters; order links use a random key until the next restart");
            secret = RandomTokens.of(32);
        }
        key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The token that opens this order's page (43 URL-safe characters). */
    public String token(String orderNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signature =
                    mac.doFinal(("order-link:" + orderNumber).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has HmacSHA256", e);
        }
    }

    /** Whether the token opens this order (compared in constant time). */
    public boolean opens(String orderNumber, String token) {
        if (orderNumber == null || token == null || token.length() > 64) {
            return false;
        }
        return MessageDigest.isEqual(
                token(orderNumber).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** The full address of the order's page, for emails and messages. */
    public String url(String orderNumber) {
        return publicUrl.replaceAll("/+$", "")
                + "/orders/"
                + URLEncoder.encode(orderNumber, StandardCharsets.UTF_8)
                + "?t="
                + token(orderNumber);
    }
}
