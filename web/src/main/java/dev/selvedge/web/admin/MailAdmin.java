package dev.selvedge.web.admin;

import dev.selvedge.notification.Mailbox;
import dev.selvedge.notification.OutgoingMail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Emails page: what the shop sent or is trying to send, whether it went, and why not. The text
 * of each email (with its single-use links) is shown only in demo mode: staff must not be able to
 * take over a shopper's account with a reset link.
 */
@Named
@RequestScoped
public class MailAdmin {

    @Inject private Mailbox mailbox;

    @Inject
    @ConfigProperty(name = "selvedge.demo.mode", defaultValue = "false")
    private boolean demoMode;

    private List<OutgoingMail> latest;

    public List<OutgoingMail> getLatest() {
        if (latest == null) {
            latest = mailbox.latest(200);
        }
        return latest;
    }

    public boolean isShowBodies() {
        return demoMode;
    }

    public void retry(OutgoingMail mail) {
        mailbox.retry(mail.getId());
        Messages.info("Sending again", "The email to " + mail.getTo() + " is being sent again.");
    }
}
