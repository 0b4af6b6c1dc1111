package dev.selvedge.web.admin;

import dev.selvedge.notification.TextMessages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The Texts page: the SMS and WhatsApp messages to shoppers, whether they went and why not. */
@Named
@RequestScoped
public class TextAdmin {

    @EJB private TextMessages texts;

    private List<TextMessages.Text> latest;

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
