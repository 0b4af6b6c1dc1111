package dev.selvedge.notification;

import dev.selvedge.notification.twilio.TwilioMessaging;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Texts to the shopper's mobile number, by SMS or WhatsApp ({@code selvedge.notify.texts}: {@code
 * off}, {@code sms} or {@code whatsapp}), queued with what they tell and sent by {@link TextSender}
 * through Twilio. In the demo shop without a Twilio account they are kept for staff to read on the
 * Texts page and never sent.
 */
@ApplicationScoped
public class TextNotifier implements Notifier {

    @EJB private TextMessages texts;
    @Inject private MessageTemplates templates;
    @Inject private TextSender sender;

    @Inject
    @ConfigProperty(name = "selvedge.notify.texts", defaultValue = "off")
    private String channel;

    @Inject
    @ConfigProperty(name = "selvedge.demo.mode", defaultValue = "false")
    private boolean demoMode;

    @Override
    public String channel() {
        return channel.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean reaches(Recipient recipient) {
        // The demo shop keeps texts to show staff, whatever the channel.
        if (!demoMode && !sends()) {
            return false;
        }
        try {
            TwilioMessaging.e164(recipient.phone());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void send(Recipient recipient, String template, Object values) {
        if (!templates.has(template, "text")) {
            return;
        }
        texts.queue(
                "whatsapp".equals(channel()) ? "WHATSAPP" : "SMS",
                TwilioMessaging.e164(recipient.phone()),
                templates.text(template, values),
                !sends());
    }

    /** A real channel with a provider to send through. */
    private boolean sends() {
        return !"off".equals(channel()) && sender.sends(channel());
    }
}
