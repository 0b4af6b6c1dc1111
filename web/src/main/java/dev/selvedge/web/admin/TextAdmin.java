package dev.selvedge.web.admin;

import dev.selvedge.notification.TextMessages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Texts page: the SMS and WhatsApp messages to shoppers, whether they went and why not. Their
 * text (with the signed link that opens the shopper's order) is shown only in demo mode, as for
 * emails.
 */
@Named
@RequestScoped
public class TextAdmin {

    @EJB private TextMessages texts;

    @Inject
    @ConfigProperty(name = "selvedge.demo.mode", defaultValue = "false")
    private boolean demoMode;

    private List<TextMessages.Text> latest;

    public boolean isShowBodies() {
        return demoMode;
    }

    public List<TextMessages.Text> getLatest() {
        if (latest == null) {
            latest = texts.latest(200);
        }
        return latest;
    }

    public void retry(long id, String recipient) {
        texts.retry(id);
        Messages.info("Sending again", "The text to " + recipient + " is being sent again.");
    }
}
