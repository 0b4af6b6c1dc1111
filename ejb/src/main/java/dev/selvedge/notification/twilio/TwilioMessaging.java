package dev.selvedge.notification.twilio;

import dev.selvedge.shared.JsonObjects;
import dev.selvedge.shared.ProviderHttp;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Twilio's Programmable Messaging API (https://www.twilio.com/docs/messaging/api/message-resource):
 * one {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} per SMS or WhatsApp message,
 * with HTTP Basic authentication (Account SID and Auth Token) and a form body.
 *
 * <p>Each channel has its own sender, from the configuration: a Twilio number in E.164 form (sent
 * as {@code From}, with the {@code whatsapp:} prefix on WhatsApp), a Messaging Service SID ({@code
 * MG...}, sent as {@code MessagingServiceSid}, Twilio then picks the number), or for SMS an
 * alphanumeric sender ID. Shoppers' numbers are normalised by {@link #e164(String)}.
 *
 * <p>WhatsApp only takes free text ({@link #send}) within 24 hours of the shopper's last message to
 * the shop; a message the shop starts (an order update) must be an approved template, sent with
 * {@link #sendTemplate}. Otherwise Twilio answers, or later calls back with, error 63016.
 *
 * <p>Errors come back as {@link TwilioFailure}: retryable when Twilio did not answer, answered 429
 * or a 5xx. A retry after no answer can send the message twice (Twilio takes no idempotency key),
 * which is the lesser harm for a status notification.
 */
public final class TwilioMessaging {

    /** Twilio's limit on a message body, in characters. */
    public static final int MAX_BODY = 1600;

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");
    private static final Pattern CONTENT_SID = Pattern.compile("HX[0-9a-fA-F]{32}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern ALPHANUMERIC_ID =
            Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern INDIAN_MOBILE = Pattern.compile("[6-9][0-9]{9}");
    private static final String WHATSAPP_PREFIX = "whatsapp:";

    /** How a message reaches the shopper. */
    public enum Channel {
        SMS,
        WHATSAPP;

        /** The address Twilio takes for a number in E.164 form on this channel. */
        String address(String e164) {
            return this == WHATSAPP ? WHATSAPP_PREFIX + e164 : e164;
        }
    }

    /** A message Twilio accepted: its SID ({@code SM...} or {@code MM...}) and first status. */
    public record Sent(String sid, String status) {}

    /**
     * What a status callback says of a message: its SID, Twilio's status ({@code queued}, {@code
     * sent}, {@code delivered}, {@code read}, {@code undelivered}, {@code failed}, ...) and, for a
     * message that did not get through, Twilio's error code (null otherwise).
     */
    public record StatusUpdate(String messageSid, String status, Integer errorCode) {

        /** Whether the message will not reach the shopper. */
        public boolean failed() {
            return "failed".equals(status) || "undelivered".equals(status);
        }
    }

    /**
     * Twilio refused a message or could not be reached. {@link #retryable()} when trying again
     * later can help (no answer, 429, 5xx); otherwise something must change first (the number, the
     * shopper's consent, the template), and {@link #code()} and {@link #twilioMessage()} say what,
     * in Twilio's words (https://www.twilio.com/docs/api/errors).
     */
    public static final class TwilioFailure extends RuntimeException {
        private final int httpStatus;
        private final Integer code;
        private final String twilioMessage;
        private final String moreInfo;
        private final boolean retryable;

        public TwilioFailure(
                String message,
                int httpStatus,
                Integer code,
                String twilioMessage,
                String moreInfo,
                boolean retryable) {
            super(message);
            this.httpStatus = httpStatus;
            this.code = code;
            this.twilioMessage = twilioMessage;
            this.moreInfo = moreInfo;
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        /** The HTTP status Twilio answered with; 0 when it did not answer in time. */
        public int httpStatus() {
            return httpStatus;
        }

        /** Twilio's error code (21211, 21610, 63016, ...); null when it gave none. */
        public Integer code() {
            return code;
        }

        /** Twilio's own explanation; null when it gave none. */
        public String twilioMessage() {
            return twilioMessage;
        }

        /** The page of Twilio's documentation on this error; null when it gave none. */
        public String moreInfo() {
            return moreInfo;
        }
    }

    /** Who a channel's messages come from: exactly one of the two is set. */
    private record Sender(String from, String messagingServiceSid) {}

    private final ProviderHttp http;
    private final String messagesPath;
    private final String authorization;
    private final Sender smsSender;
    private final Sender whatsappSender;
    private final String statusCallback;

    /**
     * @param base Twilio's API, {@code https://api.twilio.com}
     * @param accountSid the account's SID, {@code AC} and 32 hex digits
     * @param authToken the account's Auth Token (also the key of callback signatures)
     * @param smsSender a Twilio number ({@code +14155550100}), a Messaging Service SID ({@code
     *     MG...}) or an alphanumeric sender ID; null or blank when SMS is not used
     * @param whatsappSender a WhatsApp-enabled Twilio number (with or without {@code whatsapp:}) or
     *     a Messaging Service SID with WhatsApp senders; null or blank when WhatsApp is not used
     * @param statusCallback the public URL Twilio posts status changes to; null or blank for none
     * @param timeout how long to wait for Twilio to connect, then to answer
     */
    public TwilioMessaging(
            String base,
            String accountSid,
            String authToken,
            String smsSender,
            String whatsappSender,
            String statusCallback,
            Duration timeout) {
        if (accountSid == null || !ACCOUNT_SID.matcher(accountSid).matches()) {
            throw new IllegalArgumentException(
                    "The Twilio Account SID must be AC followed by 32 hex digits, not '"
                            + accountSid
                            + "'");
        }
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("The Twilio Auth Token is missing");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The Twilio timeout must be positive: " + timeout);
        }
        this.http = new ProviderHttp("Twilio", base, timeout);
        this.messagesPath = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
        this.authorization =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (accountSid + ":" + authToken)
                                                .getBytes(StandardCharsets.UTF_8));
        this.smsSender = sender(Channel.SMS, smsSender);
        this.whatsappSender = sender(Channel.WHATSAPP, whatsappSender);
        this.statusCallback = callback(statusCallback);
    }

    /** Whether a sender is configured for this channel. */
    public boolean sends(Channel channel) {
        return senderFor(channel) != null;
    }

    /**
     * Sends {@code body} as free text to the shopper's number {@code to} (any form {@link
     * #e164(String)} takes).
     *
     * @throws IllegalArgumentException for a number that is not one, or an empty or too long body
     * @throws IllegalStateException when no sender is configured for the channel
     * @throws TwilioFailure when Twilio refuses the message or does not answer
     */
    public Sent send(Channel channel, String to, String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("A message needs a body");
        }
        // UTF-16 units, which count an emoji as two: at least as many as Twilio counts.
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException(
                    "A message body can have at most "
                            + MAX_BODY
                            + " characters; this one has "
                            + body.length());
        }
        Map<String, String> form = addressed(channel, to);
        form.put("Body", body);
        return post(form);
    }

    /**
     * Sends a template from Twilio's Content API ({@code HX...}, approved by WhatsApp for use on
     * WhatsApp) with its numbered or named {@code variables}, in the map's order.
     *
     * @throws IllegalArgumentException for a number that is not one, or a content SID that is not
     *     one
     * @throws IllegalStateException when no sender is configured for the channel
     * @throws TwilioFailure when Twilio refuses the message or does not answer
     */
    public Sent sendTemplate(
            Channel channel, String to, String contentSid, Map<String, String> variables) {
        if (contentSid == null || !CONTENT_SID.matcher(contentSid).matches()) {
            throw new IllegalArgumentException(
                    "A content template SID is HX followed by 32 hex digits, not '"
                            + contentSid
                            + "'");
        }
        Map<String, String> form = addressed(channel, to);
        form.put("ContentSid", contentSid);
        if (variables != null && !variables.isEmpty()) {
            JsonObjectBuilder json = JsonObjects.object();
            variables.forEach(
                    (name, value) -> {
                        if (value == null) {
                            throw new IllegalArgumentException(
                                    "The template variable " + name + " has no value");
                        }
                        json.add(name, value);
                    });
            form.put("ContentVariables", json.build().toString());
        }
        return post(form);
    }

    /**
     * The fields of a status callback Twilio posted ({@code MessageSid}, {@code MessageStatus},
     * {@code ErrorCode}), once {@link TwilioSignature} has found them signed.
     *
     * @throws IllegalArgumentException when the SID or the status is missing, or the error code is
     *     not a number
     */
    public static StatusUpdate statusUpdate(Map<String, String> form) {
        String sid = form.get("MessageSid");
        String status = form.get("MessageStatus");
        if (sid == null || sid.isBlank() || status == null || status.isBlank()) {
            throw new IllegalArgumentException(
                    "A Twilio status callback needs MessageSid and MessageStatus");
        }
        String error = form.get("ErrorCode");
        Integer code = null;
        if (error != null && !error.isBlank()) {
            try {
                code = Integer.valueOf(error.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "The ErrorCode of a Twilio status callback is not a number: " + error);
            }
        }
        return new StatusUpdate(sid.strip(), status.strip(), code);
    }

    /**
     * A phone number in E.164 form ({@code +919845012345}). Spaces, hyphens, dots and brackets are
     * dropped; an Indian mobile number may be written with 10 digits ({@code 9845012345}), with a
     * trunk 0 ({@code 09845012345}) or with the country code without + ({@code 919845012345}); any
     * number with + is kept when it has 8 to 15 digits.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static String e164(String phone) {
        if (phone == null || phone.isBlank()) {
            throw new IllegalArgumentException("No phone number was given");
        }
        String number = SEPARATORS.matcher(phone).replaceAll("");
        if (number.startsWith("+")) {
            if (E164.matcher(number).matches()) {
                return number;
            }
        } else if (INDIAN_MOBILE.matcher(number).matches()) {
            return "+91" + number;
        } else if (number.length() == 11
                && number.startsWith("0")
                && INDIAN_MOBILE.matcher(number.substring(1)).matches()) {
            return "+91" + number.substring(1);
        } else if (number.length() == 12
                && number.startsWith("91")
                && INDIAN_MOBILE.matcher(number.substring(2)).matches()) {
            return "+" + number;
        }
        throw new IllegalArgumentException(
                "'"
                        + phone
                        + "' is not a phone number messages can be sent to: give an Indian mobile"
                        + " number (9845012345) or a number in international form with +"
                        + " (+919845012345)");
    }

    private Map<String, String> addressed(Channel channel, String to) {
        Sender sender = senderFor(channel);
        if (sender == null) {
            throw new IllegalStateException("No Twilio sender is configured for " + channel);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", channel.address(e164(to)));
        if (sender.messagingServiceSid() != null) {
            form.put("MessagingServiceSid", sender.messagingServiceSid());
        } else {
            form.put("From", sender.from());
        }
        return form;
    }

    private Sent post(Map<String, String> form) {
        if (statusCallback != null) {
            form.put("StatusCallback", statusCallback);
        }
        JsonObject answer;
        try {
            answer =
                    http.send(
                            http.to(messagesPath)
                                    .header("Authorization", authorization)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(ProviderHttp.form(form)));
        } catch (ProviderHttp.Failure e) {
            throw failure(e);
        }
        String sid = text(answer, "sid");
        if (sid == null || sid.isBlank()) {
            // Twilio said yes without saying to what: sending again might send twice.
            throw new TwilioFailure(
                    "Twilio accepted the message but gave no SID", 0, null, null, null, false);
        }
        return new Sent(sid, text(answer, "status"));
    }

    private Sender senderFor(Channel channel) {
        return channel == Channel.WHATSAPP ? whatsappSender : smsSender;
    }

    private static Sender sender(Channel channel, String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        String sender = configured.strip();
        if (SERVICE_SID.matcher(sender).matches()) {
            return new Sender(null, sender);
        }
        if (channel == Channel.WHATSAPP && sender.startsWith(WHATSAPP_PREFIX)) {
            sender = sender.substring(WHATSAPP_PREFIX.length());
        }
        if (E164.matcher(sender).matches()) {
            return new Sender(channel.address(sender), null);
        }
        if (channel == Channel.SMS && ALPHANUMERIC_ID.matcher(sender).matches()) {
            return new Sender(sender, null);
        }
        throw new IllegalArgumentException(
                "The Twilio "
                        + channel
                        + " sender must be a number in E.164 form (+14155550100)"
                        + (channel == Channel.SMS ? ", an alphanumeric sender ID" : "")
                        + " or a Messaging Service SID (MG...), not '"
                        + configured
                        + "'");
    }

    private static String callback(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        String url = configured.strip();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The Twilio status callback is no URL: " + url, e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "The Twilio status callback must be a full http(s) URL: " + url);
        }
        return url;
    }

    /**
     * The failure as a {@link TwilioFailure}, with Twilio's error document ({@code code}, {@code
     * message}, {@code more_info}) when it sent one.
     */
    static TwilioFailure failure(ProviderHttp.Failure e) {
        int status = e.status();
        if (status == 0) {
            return new TwilioFailure(e.getMessage(), 0, null, null, null, true);
        }
        boolean retryable = status == 429 || status >= 500;
        JsonObject body = e.body();
        Integer code = code(body.get("code"));
        String message = text(body, "message");
        String moreInfo = text(body, "more_info");
        StringBuilder words =
                new StringBuilder(retryable ? "Twilio could not take" : "Twilio refused")
                        .append(" the message (HTTP ")
                        .append(status);
        if (code != null) {
            words.append(", error ").append(code);
        }
        words.append("): ").append(message == null || message.isBlank() ? e.getMessage() : message);
        if (moreInfo != null && !moreInfo.isBlank()) {
            words.append(" (").append(moreInfo).append(')');
        }
        return new TwilioFailure(words.toString(), status, code, message, moreInfo, retryable);
    }

    private static Integer code(JsonValue value) {
        if (value instanceof JsonNumber n) {
            return n.intValue();
        }
        if (value instanceof JsonString s && s.getString().strip().matches("[0-9]{1,9}")) {
            return Integer.valueOf(s.getString().strip());
        }
        return null;
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json == null ? null : json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
