package dev.selvedge.notification;

import dev.selvedge.notification.twilio.TwilioMessaging;
import dev.selvedge.notification.twilio.TwilioSignature;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends queued texts through Twilio's Messaging API, a batch every 5 seconds, outside any
 * transaction and holding no lock while Twilio answers. A Twilio that cannot be reached (or says
 * too many) is asked again after a growing pause; a refusal (a number that is not a mobile, a
 * shopper who unsubscribed) leaves the text FAILED with Twilio's words for staff.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class TextSender {

    private static final Logger LOG = Logger.getLogger(TextSender.class.getName());

    @EJB private TextMessages texts;
    @Inject private Config config;

    @Inject
    @ConfigProperty(name = "selvedge.twilio.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "selvedge.twilio.api-base", defaultValue = "https://api.twilio.com")
    String apiBase;

    @Inject
    @ConfigProperty(name = "selvedge.twilio.timeout-ms", defaultValue = "10000")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "selvedge.twilio.retry-seconds", defaultValue = "30")
    int retrySeconds;

    private TwilioMessaging twilio;
    private TwilioSignature signature;
    private String callbackUrl;
    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void connect() {
        if (!enabled) {
            return;
        }
        try {
            twilio =
                    new TwilioMessaging(
                            apiBase,
                            value("selvedge.twilio.account-sid"),
                            value("selvedge.twilio.auth-token"),
                            value("selvedge.twilio.sms-from"),
                            value("selvedge.twilio.whatsapp-from"),
                            value("selvedge.twilio.status-callback"),
                            Duration.ofMillis(timeoutMillis));
            signature = new TwilioSignature(value("selvedge.twilio.auth-token"));
            callbackUrl = value("selvedge.twilio.status-callback");
        } catch (IllegalArgumentException e) {
            LOG.warning("Texts are not sent: the Twilio settings are wrong: " + e.getMessage());
        }
    }

    private String value(String name) {
        return config.getOptionalValue(name, String.class).orElse(null);
    }

    /** Whether texts on this channel ("sms", "whatsapp") can be sent. */
    public boolean sends(String channel) {
        return twilio != null
                && twilio.sends(
                        "whatsapp".equals(channel)
                                ? TwilioMessaging.Channel.WHATSAPP
                                : TwilioMessaging.Channel.SMS);
    }

    /**
     * A status callback from Twilio, checked against its signature over the callback address as
     * configured (not as rebuilt from the request, which a proxy changes); false when forged.
     */
    public boolean delivery(Map<String, String> form, String signed) {
        if (signature == null
                || callbackUrl == null
                || !signature.valid(callbackUrl, form, signed)) {
            return false;
        }
        TwilioMessaging.StatusUpdate update = TwilioMessaging.statusUpdate(form);
        texts.delivery(update.messageSid(), update.status(), update.failed(), update.errorCode());
        return true;
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void everyFiveSeconds() {
        if (twilio == null || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (var batch = texts.claimDue(20); !batch.isEmpty(); batch = texts.claimDue(20)) {
                batch.forEach(this::send);
            }
        } finally {
            running.set(false);
        }
    }

    private void send(TextMessages.Text text) {
        try {
            TwilioMessaging.Sent sent =
                    twilio.send(
                            "WHATSAPP".equals(text.channel())
                                    ? TwilioMessaging.Channel.WHATSAPP
                                    : TwilioMessaging.Channel.SMS,
                            text.recipient(),
                            text.body());
            texts.sent(text.id(), sent.sid(), sent.status());
        } catch (TwilioMessaging.TwilioFailure e) {
            texts.failed(text.id(), text.attempts(), e.getMessage(), e.retryable(), retrySeconds);
        } catch (RuntimeException e) {
            texts.failed(text.id(), text.attempts(), String.valueOf(e.getMessage()), false, 0);
        }
    }
}
