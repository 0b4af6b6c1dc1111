package dev.selvedge.notification.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.selvedge.notification.twilio.TwilioMessaging.Channel;
import dev.selvedge.notification.twilio.TwilioMessaging.Sent;
import dev.selvedge.notification.twilio.TwilioMessaging.StatusUpdate;
import dev.selvedge.notification.twilio.TwilioMessaging.TwilioFailure;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The requests {@link TwilioMessaging} sends to a fake Twilio, and what it makes of answers. */
class TwilioMessagingTest {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";
    static final String SERVICE = "MG0123456789abcdef0123456789abcdef";
    static final String TEMPLATE = "HX0123456789abcdef0123456789abcdef";
    static final String CALLBACK = "https://shop.selvedge.test/api/notifications/twilio/status";

    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

    /** Base64 of ACCOUNT:TOKEN, worked out apart from the code under test. */
    static final String BASIC =
            "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjpmMDBkZmVlZGYwMGRmZWVkZjAwZGZlZWRmMDBkZmVlZA==";

    static final String QUEUED =
            """
            {"sid": "SM0123456789abcdef0123456789abcdef", "status": "queued",
             "account_sid": "AC0123456789abcdef0123456789abcdef", "to": "+919845012345",
             "from": "+14155550100", "body": "Your order", "error_code": null,
             "error_message": null, "num_segments": "1", "api_version": "2010-04-01"}
            """;

    WireMockServer twilio;

    @BeforeEach
    void start() {
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
    }

    @AfterEach
    void stop() {
        twilio.stop();
    }

    TwilioMessaging messaging(String sms, String whatsapp, String callback, Duration timeout) {
        return new TwilioMessaging(
                twilio.baseUrl(), ACCOUNT, TOKEN, sms, whatsapp, callback, timeout);
    }

    TwilioMessaging messaging() {
        return messaging("+14155550100", "whatsapp:+14155550100", CALLBACK, Duration.ofSeconds(5));
    }

    void answer(ResponseDefinitionBuilder response) {
        twilio.stubFor(post(MESSAGES).willReturn(response));
    }

    static ResponseDefinitionBuilder created(String json) {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(json);
    }

    static ResponseDefinitionBuilder error(int status, String json) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(json);
    }

    @Test
    void anSmsIsPostedAsAFormWithBasicAuthentication() {
        answer(created(QUEUED));

        Sent sent =
                messaging()
                        .send(
                                Channel.SMS,
                                "98450 12345",
                                "Your order SV-100019 has shipped (₹3,097)."
                                        + " Track: https://selvedge.test/t/SV-100019");

        assertThat(sent).isEqualTo(new Sent("SM0123456789abcdef0123456789abcdef", "queued"));
        twilio.verify(
                1,
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withHeader("Authorization", equalTo(BASIC))
                        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                        .withHeader("Accept", equalTo("application/json"))
                        .withRequestBody(
                                equalTo(
                                        "To=%2B919845012345&From=%2B14155550100"
                                                + "&Body=Your+order+SV-100019+has+shipped+%28%E2%82%B93%2C097%29."
                                                + "+Track%3A+https%3A%2F%2Fselvedge.test%2Ft%2FSV-100019"
                                                + "&StatusCallback=https%3A%2F%2Fshop.selvedge.test"
                                                + "%2Fapi%2Fnotifications%2Ftwilio%2Fstatus")));
    }

    @Test
    void whatsAppAddressesCarryThePrefix() {
        answer(created(QUEUED));

        messaging().send(Channel.WHATSAPP, "+919845012345", "Hi");

        twilio.verify(
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(
                                equalTo(
                                        "To=whatsapp%3A%2B919845012345"
                                                + "&From=whatsapp%3A%2B14155550100&Body=Hi"
                                                + "&StatusCallback=https%3A%2F%2Fshop.selvedge.test"
                                                + "%2Fapi%2Fnotifications%2Ftwilio%2Fstatus")));
    }

    @Test
    void aWhatsAppSenderWithoutThePrefixGetsIt() {
        answer(created(QUEUED));

        messaging(null, "+14155550100", null, Duration.ofSeconds(5))
                .send(Channel.WHATSAPP, "9845012345", "Hi");

        twilio.verify(
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(
                                equalTo(
                                        "To=whatsapp%3A%2B919845012345"
                                                + "&From=whatsapp%3A%2B14155550100&Body=Hi")));
    }

    @Test
    void aMessagingServiceIsNamedInsteadOfAFromNumber() {
        answer(created(QUEUED.replace("\"queued\"", "\"accepted\"")));

        Sent sent =
                messaging(SERVICE, null, null, Duration.ofSeconds(5))
                        .send(Channel.SMS, "09845012345", "Hi");

        assertThat(sent.status()).isEqualTo("accepted");
        twilio.verify(
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(
                                equalTo(
                                        "To=%2B919845012345&MessagingServiceSid="
                                                + SERVICE
                                                + "&Body=Hi")));
    }

    @Test
    void withoutACallbackNoStatusCallbackIsSent() {
        answer(created(QUEUED));

        messaging("+14155550100", null, " ", Duration.ofSeconds(5))
                .send(Channel.SMS, "919845012345", "Hi");

        twilio.verify(
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(
                                equalTo("To=%2B919845012345&From=%2B14155550100&Body=Hi")));
    }

    @Test
    void anAlphanumericSenderIdIsSentAsFrom() {
        answer(created(QUEUED));

        messaging("SELVDG", null, null, Duration.ofSeconds(5))
                .send(Channel.SMS, "9845012345", "Hi");

        twilio.verify(
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(equalTo("To=%2B919845012345&From=SELVDG&Body=Hi")));
    }

    @Test
    void aTemplateGoesWithItsVariablesAsJson() {
        answer(created(QUEUED));
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("1", "Asha");
        variables.put("2", "SV-100019");

        messaging("+14155550100", SERVICE, null, Duration.ofSeconds(5))
                .sendTemplate(Channel.WHATSAPP, "+919845012345", TEMPLATE, variables);

        twilio.verify(
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(
                                equalTo(
                                        "To=whatsapp%3A%2B919845012345&MessagingServiceSid="
                                                + SERVICE
                                                + "&ContentSid="
                                                + TEMPLATE
                                                + "&ContentVariables=%7B%221%22%3A%22Asha%22"
                                                + "%2C%222%22%3A%22SV-100019%22%7D")));
    }

    @Test
    void aTemplateSidMustBeOne() {
        assertThatThrownBy(
                        () ->
                                messaging()
                                        .sendTemplate(
                                                Channel.WHATSAPP,
                                                "9845012345",
                                                "order_shipped",
                                                Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HX");
        assertThat(twilio.getAllServeEvents()).isEmpty();
    }

    @Test
    void aChannelWithoutASenderSendsNothing() {
        TwilioMessaging smsOnly = messaging("+14155550100", null, null, Duration.ofSeconds(5));

        assertThat(smsOnly.sends(Channel.SMS)).isTrue();
        assertThat(smsOnly.sends(Channel.WHATSAPP)).isFalse();
        assertThatThrownBy(() -> smsOnly.send(Channel.WHATSAPP, "9845012345", "Hi"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WHATSAPP");
        assertThat(twilio.getAllServeEvents()).isEmpty();
    }

    @Test
    void anInvalidNumberIsNotRetriedAndKeepsTwiliosWords() {
        answer(
                error(
                        400,
                        """
                        {"code": 21211, "message": "Invalid 'To' Phone Number: +91984501234X",
                         "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}
                        """));

        TwilioFailure failure =
                catchThrowableOfType(
                        TwilioFailure.class,
                        () -> messaging().send(Channel.SMS, "9845012345", "Hi"));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(failure.code()).isEqualTo(21211);
        assertThat(failure.twilioMessage()).isEqualTo("Invalid 'To' Phone Number: +91984501234X");
        assertThat(failure.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21211");
        assertThat(failure.getMessage())
                .isEqualTo(
                        "Twilio refused the message (HTTP 400, error 21211): Invalid 'To' Phone"
                                + " Number: +91984501234X"
                                + " (https://www.twilio.com/docs/errors/21211)");
    }

    @Test
    void anUnsubscribedShopperIsNotRetried() {
        answer(
                error(
                        400,
                        """
                        {"code": 21610, "message": "Attempt to send to unsubscribed recipient",
                         "more_info": "https://www.twilio.com/docs/errors/21610", "status": 400}
                        """));

        TwilioFailure failure =
                catchThrowableOfType(
                        TwilioFailure.class,
                        () -> messaging().send(Channel.SMS, "9845012345", "Hi"));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.code()).isEqualTo(21610);
        assertThat(failure.twilioMessage()).isEqualTo("Attempt to send to unsubscribed recipient");
    }

    @Test
    void aWhatsAppMessageOutsideTheSessionWindowIsNotRetried() {
        answer(
                error(
                        400,
                        """
                        {"code": 63016, "message": "Failed to send freeform message because you are outside the allowed window.",
                         "more_info": "https://www.twilio.com/docs/errors/63016", "status": 400}
                        """));

        TwilioFailure failure =
                catchThrowableOfType(
                        TwilioFailure.class,
                        () -> messaging().send(Channel.WHATSAPP, "9845012345", "Hi"));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.code()).isEqualTo(63016);
    }

    @Test
    void wrongCredentialsAreNotRetried() {
        answer(
                error(
                        401,
                        """
                        {"code": 20003, "message": "Authenticate",
                         "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401}
                        """));

        TwilioFailure failure =
                catchThrowableOfType(
                        TwilioFailure.class,
                        () -> messaging().send(Channel.SMS, "9845012345", "Hi"));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.code()).isEqualTo(20003);
    }

    @Test
    void tooManyRequestsCanBeRetried() {
        answer(
                error(
                        429,
                        """
                        {"code": 20429, "message": "Too Many Requests",
                         "more_info": "https://www.twilio.com/docs/errors/20429", "status": 429}
                        """));

        TwilioFailure failure =
                catchThrowableOfType(
                        TwilioFailure.class,
                        () -> messaging().send(Channel.SMS, "9845012345", "Hi"));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.httpStatus()).isEqualTo(429);
        assertThat(failure.code()).isEqualTo(20429);
        assertThat(failure.getMessage()).startsWith("Twilio could not take the message (HTTP 429");
    }

    @Test
    void aServerErrorCanBeRetriedEvenWithoutJson() {
        answer(
                aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Service Unavailable</body></html>"));

        TwilioFailure failure =
                catchThrowableOfType(
                        TwilioFailure.class,
                        () -> messaging().send(Channel.SMS, "9845012345", "Hi"));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(failure.code()).isNull();
        assertThat(failure.getMessage()).contains("503");
    }

    @Test
    void noAnswerInTimeCanBeRetried() {
        answer(created(QUEUED).withFixedDelay(1500));

        TwilioFailure failure =
                catchThrowableOfType(
                        TwilioFailure.class,
                        () ->
                                messaging("+14155550100", null, null, Duration.ofMillis(200))
                                        .send(Channel.SMS, "9845012345", "Hi"));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.httpStatus()).isZero();
        assertThat(failure.getMessage()).contains("did not answer");
    }

    @Test
    void anAnswerWithoutASidIsNotRetried() {
        answer(created("{\"status\": \"queued\"}"));

        TwilioFailure failure =
                catchThrowableOfType(
                        TwilioFailure.class,
                        () -> messaging().send(Channel.SMS, "9845012345", "Hi"));

        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void aBodyOfTwilioLimitIsSentAndOneCharacterMoreIsRefused() {
        answer(created(QUEUED));
        TwilioMessaging messaging = messaging();

        messaging.send(Channel.SMS, "9845012345", "x".repeat(1600));

        assertThatThrownBy(() -> messaging.send(Channel.SMS, "9845012345", "x".repeat(1601)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1600");
        assertThatThrownBy(() -> messaging.send(Channel.SMS, "9845012345", " "))
                .isInstanceOf(IllegalArgumentException.class);
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aNumberThatIsNoneIsRefusedBeforeTwilioIsAsked() {
        assertThatThrownBy(() -> messaging().send(Channel.SMS, "12345", "Hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'12345' is not a phone number");
        assertThat(twilio.getAllServeEvents()).isEmpty();
    }

    @Test
    void indianMobilesAreWrittenInE164() {
        assertThat(TwilioMessaging.e164("9845012345")).isEqualTo("+919845012345");
        assertThat(TwilioMessaging.e164("6000000000")).isEqualTo("+916000000000");
        assertThat(TwilioMessaging.e164("09845012345")).isEqualTo("+919845012345");
        assertThat(TwilioMessaging.e164("919845012345")).isEqualTo("+919845012345");
        assertThat(TwilioMessaging.e164("+919845012345")).isEqualTo("+919845012345");
        assertThat(TwilioMessaging.e164("+91 98450 12345")).isEqualTo("+919845012345");
        assertThat(TwilioMessaging.e164("098450-12345")).isEqualTo("+919845012345");
        assertThat(TwilioMessaging.e164(" (984) 501.2345 ")).isEqualTo("+919845012345");
    }

    @Test
    void internationalNumbersAreKeptWhenTheyAreE164() {
        assertThat(TwilioMessaging.e164("+14155550100")).isEqualTo("+14155550100");
        assertThat(TwilioMessaging.e164("+4420 7946 0958")).isEqualTo("+442079460958");
        assertThat(TwilioMessaging.e164("+12345678")).isEqualTo("+12345678");
        assertThat(TwilioMessaging.e164("+123456789012345")).isEqualTo("+123456789012345");
    }

    @Test
    void otherNumbersAreRefused() {
        for (String bad :
                new String[] {
                    "5845012345", // not a mobile: Indian mobiles start with 6 to 9
                    "984501234", // nine digits
                    "98450123456", // eleven digits, no trunk 0
                    "05845012345",
                    "929845012345", // twelve digits not starting 91
                    "00919845012345", // international prefix instead of +
                    "+1234567", // seven digits
                    "+1234567890123456", // sixteen digits
                    "+0919845012345",
                    "+91-98450-1234x",
                    "whatsapp:+919845012345",
                    "not a number",
                    "",
                    "   "
                }) {
            assertThatThrownBy(() -> TwilioMessaging.e164(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> TwilioMessaging.e164(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No phone number was given");
    }

    @Test
    void aWrongConfigurationStopsAtOnce() {
        Duration timeout = Duration.ofSeconds(5);
        String base = twilio.baseUrl();
        assertThatThrownBy(
                        () ->
                                new TwilioMessaging(
                                        base, "SK123", TOKEN, "+14155550100", null, null, timeout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Account SID");
        assertThatThrownBy(
                        () ->
                                new TwilioMessaging(
                                        base, ACCOUNT, " ", "+14155550100", null, null, timeout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Auth Token");
        assertThatThrownBy(
                        () ->
                                new TwilioMessaging(
                                        base, ACCOUNT, TOKEN, "9845012345", null, null, timeout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SMS sender");
        assertThatThrownBy(
                        () ->
                                new TwilioMessaging(
                                        base, ACCOUNT, TOKEN, null, "SELVDG", null, timeout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WHATSAPP sender");
        assertThatThrownBy(
                        () ->
                                new TwilioMessaging(
                                        base,
                                        ACCOUNT,
                                        TOKEN,
                                        "+14155550100",
                                        null,
                                        "/api/notifications/twilio/status",
                                        timeout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status callback");
    }

    @Test
    void aStatusCallbackIsRead() {
        StatusUpdate update =
                TwilioMessaging.statusUpdate(
                        Map.of(
                                "MessageSid", "SM0123456789abcdef0123456789abcdef",
                                "MessageStatus", "undelivered",
                                "ErrorCode", "30003",
                                "To", "+919845012345",
                                "AccountSid", ACCOUNT));

        assertThat(update)
                .isEqualTo(
                        new StatusUpdate(
                                "SM0123456789abcdef0123456789abcdef", "undelivered", 30003));
        assertThat(update.failed()).isTrue();
    }

    @Test
    void aDeliveredMessageHasNoErrorCode() {
        StatusUpdate update =
                TwilioMessaging.statusUpdate(
                        Map.of(
                                "MessageSid", "SM0123456789abcdef0123456789abcdef",
                                "MessageStatus", "delivered"));

        assertThat(update.errorCode()).isNull();
        assertThat(update.failed()).isFalse();
        assertThat(
                        TwilioMessaging.statusUpdate(
                                        Map.of(
                                                "MessageSid", "SM1",
                                                "MessageStatus", "read",
                                                "ErrorCode", ""))
                                .errorCode())
                .isNull();
    }

    @Test
    void aStatusCallbackWithoutSidOrStatusIsRefused() {
        assertThatThrownBy(() -> TwilioMessaging.statusUpdate(Map.of("MessageStatus", "sent")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TwilioMessaging.statusUpdate(Map.of("MessageSid", "SM1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                TwilioMessaging.statusUpdate(
                                        Map.of(
                                                "MessageSid", "SM1",
                                                "MessageStatus", "failed",
                                                "ErrorCode", "thirty")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
