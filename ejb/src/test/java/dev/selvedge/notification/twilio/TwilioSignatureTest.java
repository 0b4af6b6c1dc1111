package dev.selvedge.notification.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link TwilioSignature} against Twilio's published example: the auth token, URL and parameters
 * that Twilio's own libraries test their request validators with (twilio-java, twilio-php and
 * twilio-csharp RequestValidatorTest), and the signature they expect.
 */
class TwilioSignatureTest {

    static final String TOKEN = "12345";
    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    /** Twilio's expected signature over the same URL with the https port written out. */
    static final String SIGNATURE_WITH_PORT = "kvajT1Ptam85bY51eRf/AJRuM3w=";

    static Map<String, String> params() {
        Map<String, String> params = new HashMap<>();
        params.put("Digits", "1234");
        params.put("To", "+18005551212");
        params.put("From", "+14158675309");
        params.put("Caller", "+14158675309");
        params.put("CallSid", "CA1234567890ABCDE");
        return params;
    }

    final TwilioSignature twilio = new TwilioSignature(TOKEN);

    @Test
    void twiliosExampleIsSignedAsTwilioDocuments() {
        assertThat(twilio.sign(URL, params())).isEqualTo(SIGNATURE);
        assertThat(twilio.valid(URL, params(), SIGNATURE)).isTrue();
    }

    @Test
    void aChangedParameterIsRefused() {
        Map<String, String> tampered = params();
        tampered.put("Digits", "9999");

        assertThat(twilio.valid(URL, tampered, SIGNATURE)).isFalse();
    }

    @Test
    void anAddedOrMissingParameterIsRefused() {
        Map<String, String> added = params();
        added.put("Extra", "");
        Map<String, String> missing = params();
        missing.remove("Caller");

        assertThat(twilio.valid(URL, added, SIGNATURE)).isFalse();
        assertThat(twilio.valid(URL, missing, SIGNATURE)).isFalse();
    }

    @Test
    void anotherUrlIsRefused() {
        assertThat(twilio.valid("https://mycompany.com/myapp.php?foo=1&bar=3", params(), SIGNATURE))
                .isFalse();
        assertThat(twilio.valid("https://mycompany.com/myapp.php", params(), SIGNATURE)).isFalse();
        assertThat(twilio.valid("http://mycompany.com/myapp.php?foo=1&bar=2", params(), SIGNATURE))
                .isFalse();
        assertThat(twilio.valid("https://evil.example/myapp.php?foo=1&bar=2", params(), SIGNATURE))
                .isFalse();
    }

    @Test
    void anotherTokenIsRefused() {
        assertThat(new TwilioSignature("12346").valid(URL, params(), SIGNATURE)).isFalse();
    }

    @Test
    void aMissingOrMangledSignatureIsRefused() {
        assertThat(twilio.valid(URL, params(), null)).isFalse();
        assertThat(twilio.valid(URL, params(), "")).isFalse();
        assertThat(twilio.valid(URL, params(), "RSOYDt4T1cUTdK1PDd93/VVr8B8")).isFalse();
        assertThat(twilio.valid(URL, params(), "NOT" + SIGNATURE)).isFalse();
        assertThat(twilio.valid(URL, params(), "rsoydt4t1cutdk1pdd93/vvr8b8=")).isFalse();
    }

    @Test
    void theDefaultPortMayBeWrittenOrLeftOut() {
        assertThat(twilio.valid(URL, params(), SIGNATURE_WITH_PORT)).isTrue();
        assertThat(
                        twilio.valid(
                                "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                                params(),
                                SIGNATURE))
                .isTrue();
    }

    @Test
    void theUrlIsSpelledWithAndWithoutItsPort() {
        assertThat(TwilioSignature.spellings(URL))
                .containsExactly(URL, "https://mycompany.com:443/myapp.php?foo=1&bar=2");
        assertThat(TwilioSignature.spellings("http://shop.example:8080/cb?a=%2B1"))
                .containsExactly(
                        "http://shop.example:8080/cb?a=%2B1", "http://shop.example/cb?a=%2B1");
        assertThat(TwilioSignature.spellings("not a url")).containsExactly("not a url");
    }

    @Test
    void aStatusCallbackIsCheckedWithEveryParameterTwilioSent() {
        String callback = "https://shop.selvedge.test/api/notifications/twilio/status";
        Map<String, String> form = new HashMap<>();
        form.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        form.put("ApiVersion", "2010-04-01");
        form.put("ErrorCode", "63016");
        form.put("From", "whatsapp:+14155550100");
        form.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
        form.put("MessageStatus", "undelivered");
        form.put("SmsSid", "SM0123456789abcdef0123456789abcdef");
        form.put("SmsStatus", "undelivered");
        form.put("To", "whatsapp:+919845012345");
        // HMAC-SHA1 of the URL and the sorted parameters, worked out with another tool.
        String signature = "b1HhyiEYbBGyELc7pkBCSUYeoVQ=";
        TwilioSignature shop = new TwilioSignature("f00dfeedf00dfeedf00dfeedf00dfeed");

        assertThat(shop.valid(callback, form, signature)).isTrue();
        form.put("MessageStatus", "delivered");
        assertThat(shop.valid(callback, form, signature)).isFalse();
    }

    @Test
    void aTokenIsNeeded() {
        assertThatThrownBy(() -> new TwilioSignature(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
