package dev.selvedge.notification;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Emails, through the mail outbox ({@link Mailbox}): sent after commit, retried when down. */
@ApplicationScoped
public class EmailNotifier implements Notifier {

    @EJB private Mailbox mailbox;
    @Inject private MessageTemplates templates;

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public boolean reaches(Recipient recipient) {
        return recipient.email() != null && !recipient.email().isBlank();
    }

    @Override
    public void send(Recipient recipient, String template, Object values) {
        if (!templates.has(template, "email")) {
            return;
        }
        MessageTemplates.Rendered mail = templates.email(template, values);
        mailbox.send(recipient.email(), mail.subject(), mail.body());
    }
}
