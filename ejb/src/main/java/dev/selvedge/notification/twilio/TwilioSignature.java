package dev.selvedge.notification.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Twilio-Signature} of a request Twilio makes to the shop (a message status callback),
 * as https://www.twilio.com/docs/usage/webhooks/webhooks-security describes it: the full URL Twilio
 * requested (with its query string), followed by each POST parameter sorted by name, the name
 * immediately followed by its value, signed with HMAC-SHA1 under the account's Auth Token and
 * Base64-encoded.
 *
 * <p>The URL must be the one Twilio was given (the configured status callback), not one rebuilt
 * from the request behind a proxy, which may have another scheme, host or port. Like Twilio's own
 * libraries, a signature over the URL with the scheme's default port written out, or with the port
 * left out, is taken too: Twilio is not consistent about it.
 *
 * <p>Callbacks with a JSON body (signed over a {@code bodySHA256} query parameter) are not handled
 * here; message status callbacks are forms.
 */
public final class TwilioSignature {

    /** The header that carries the signature. */
    public static final String HEADER = "X-Twilio-Signature";

    private static final String HMAC = "HmacSHA1";

    private final SecretKeySpec key;

    /**
     * @param authToken the Auth Token of the account the messages are sent from
     */
    public TwilioSignature(String authToken) {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("The Twilio Auth Token is missing");
        }
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /**
     * Whether {@code signature} is Twilio's signature of a request to {@code url} with these POST
     * parameters (all of them, as received: a parameter left out or changed fails the check).
     * Compared in constant time; false for a missing signature.
     */
    public boolean valid(String url, Map<String, String> params, String signature) {
        if (url == null || url.isBlank() || signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (String spelling : spellings(url)) {
            // Every spelling is checked, so that the time taken does not tell which one matched.
            valid |=
                    MessageDigest.isEqual(
                            sign(spelling, params).getBytes(StandardCharsets.US_ASCII), given);
        }
        return valid;
    }

    /** The signature Twilio sends with a request to exactly {@code url} with these parameters. */
    public String sign(String url, Map<String, String> params) {
        StringBuilder signed = new StringBuilder(url);
        if (params != null) {
            new TreeMap<>(params)
                    .forEach(
                            (name, value) ->
                                    signed.append(name).append(value == null ? "" : value));
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Base64.getEncoder()
                    .encodeToString(
                            mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is in every Java", e);
        }
    }

    /** The URL as given, without its port, and with the scheme's default port. */
    static Set<String> spellings(String url) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(url);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return spellings;
        }
        String scheme = uri.getScheme();
        int defaultPort =
                "https".equalsIgnoreCase(scheme) ? 443 : "http".equalsIgnoreCase(scheme) ? 80 : -1;
        if (defaultPort < 0 || uri.getHost() == null) {
            return spellings;
        }
        spellings.add(withPort(uri, -1));
        spellings.add(withPort(uri, uri.getPort() < 0 ? defaultPort : uri.getPort()));
        return spellings;
    }

    /** The URI's text with this port (none when negative), every other part as it was written. */
    private static String withPort(URI uri, int port) {
        StringBuilder text = new StringBuilder(uri.getScheme()).append("://");
        if (uri.getRawUserInfo() != null) {
            text.append(uri.getRawUserInfo()).append('@');
        }
        text.append(uri.getHost());
        if (port >= 0) {
            text.append(':').append(port);
        }
        if (uri.getRawPath() != null) {
            text.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            text.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            text.append('#').append(uri.getRawFragment());
        }
        return text.toString();
    }
}
