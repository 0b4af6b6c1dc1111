package dev.selvedge.notification;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Wakes the {@link MailSender} once the transaction that queued an email has committed. The call
 * goes through another thread: after the completion of a message-driven bean's transaction (an
 * order's status message) the container cannot invoke an EJB on the committing thread.
 */
@ApplicationScoped
public class MailWakeUps {

    @EJB private MailSender sender;

    @Resource private ManagedExecutorService executor;

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Mailbox.Queued mail) {
        executor.execute(sender::wake);
    }

    void retried(@Observes(during = TransactionPhase.AFTER_SUCCESS) Mailbox.Retried mail) {
        executor.execute(sender::resume);
    }
}
