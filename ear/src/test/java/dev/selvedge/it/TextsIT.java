package dev.selvedge.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Texts to shoppers through Twilio's Messaging API (a WireMock fake of it, at the address the test
 * domain is given): the order's confirmation goes as an SMS to the shopper's number in E.164 with
 * the account's Basic credentials; a number Twilio refuses leaves the text FAILED with Twilio's
 * words, and nothing is sent twice.
 */
class TextsIT extends ShopDeployment {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

    @RegisterExtension
    static WireMockExtension twilio =
            WireMockExtension.newInstance()
                    .options(wireMockConfig().port(Integer.getInteger("it.twilio.port", 20095)))
                    .build();

    private CatalogueFixture fixture;
    private String sku;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        fixture.stockAt(sku, fixture.storeCode(), 5);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private String order(String phone) {
        Http.Reply placed =
                Http.post(
                        "/api/v1/checkout",
                        """
                        {"email":"texts-%s@example.in",
                         "shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",
                           "state":"Karnataka","postalCode":"560038","country":"IN","phone":"%s"},
                         "shippingMethod":"standard",
                         "lines":[{"sku":"%s","quantity":1,"unitPrice":1}],
                         "payment":{"method":"cod","token":""},
                         "total":1, "currency":"USD"}
                        """
                                .formatted(fixture.token, phone, sku),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().getString("orderNumber");
    }

    private String awaitText(String number, String expected) throws Exception {
        String sql =
                "SELECT status || ' ' || coalesce(provider_id, '-') || ' ' || coalesce(last_error, '-')"
                        + " FROM outgoing_text WHERE body LIKE ? ORDER BY id DESC LIMIT 1";
        long deadline = System.currentTimeMillis() + 20_000;
        String now = fixture.single(sql, "%" + number + "%");
        while ((now == null || !now.startsWith(expected))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            now = fixture.single(sql, "%" + number + "%");
        }
        return now;
    }

    /** What reached Twilio about this order (texts of other tests' orders may go too). */
    private static List<LoggedRequest> sentAbout(String number) {
        return twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .filter(r -> decoded(r.getBodyAsString()).contains(" " + number + " "))
                .toList();
    }

    private static String decoded(String form) {
        return URLDecoder.decode(form, StandardCharsets.UTF_8);
    }

    @Test
    void theConfirmationGoesAsAnSmsToTheShoppersNumber() throws Exception {
        twilio.stubFor(
                post(urlEqualTo(MESSAGES))
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json")
                                        // Each message its own SID, as Twilio gives.
                                        .withTransformers("response-template")
                                        .withBody(
                                                "{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\","
                                                        + "\"status\":\"queued\"}")));
        String number = order("98450 12345");

        assertThat(awaitText(number, "SENT")).startsWith("SENT SM");
        List<LoggedRequest> sent = sentAbout(number);
        assertThat(sent).hasSize(1);
        LoggedRequest request = sent.get(0);
        assertThat(request.getHeader("Authorization"))
                .isEqualTo(
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (ACCOUNT + ":twilio_token_selvedge_it")
                                                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("Content-Type"))
                .startsWith("application/x-www-form-urlencoded");
        String form = decoded(request.getBodyAsString());
        assertThat(form)
                .contains("To=+919845012345&")
                .contains("From=+15005550006")
                .contains("Body=Selvedge: thank you! Order " + number + " is confirmed")
                .contains("/orders/" + number + "?t=");
        assertThat(request.getBodyAsString()).startsWith("To=%2B919845012345&");
    }

    @Test
    void aNumberTwilioRefusesLeavesTheTextFailedWithItsWords() throws Exception {
        twilio.stubFor(
                post(urlEqualTo(MESSAGES))
                        .withRequestBody(
                                com.github.tomakehurst.wiremock.client.WireMock.containing(
                                        "To=%2B919000000001"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"code\":21211,\"message\":\"The 'To' number +919000000001 is not a valid phone number.\","
                                                        + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));
        String number = order("9000000001");

        String text = awaitText(number, "FAILED");
        assertThat(text)
                .startsWith("FAILED - ")
                .contains("21211")
                .contains("not a valid phone number");
        assertThat(sentAbout(number)).hasSize(1);
        assertThat(
                        fixture.single(
                                "SELECT attempts FROM outgoing_text WHERE body LIKE ?",
                                "%" + number + "%"))
                .isEqualTo("1");
    }
}
