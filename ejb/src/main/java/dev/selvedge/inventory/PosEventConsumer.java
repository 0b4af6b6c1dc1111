package dev.selvedge.inventory;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The JMS door for store systems: POS events as JSON text messages on {@code jms/pos/events},
 * applied by the same service as the HTTP door. The store is named in the event (the broker's own
 * access control admits the sender). A message that fails rolls back and comes again; at the
 * configured attempt it goes to the dead-letter store for staff, and is then taken off the queue.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "jms/pos/events"),
            @ActivationConfigProperty(
                    propertyName = "destinationType",
                    propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(
                    propertyName = "connectionFactoryLookup",
                    propertyValue = "jms/shop/connections")
        })
public class PosEventConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PosEventConsumer.class.getName());

    @EJB private PosEventService events;

    @EJB private PosDeadLetters deadLetters;

    @Inject private PosTerminals terminals;

    @Inject
    @ConfigProperty(name = "selvedge.pos.jms.max-attempts", defaultValue = "5")
    private int maxAttempts;

    @Resource private MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        String messageId;
        try {
            messageId = message.getJMSMessageID();
            if (message.getJMSRedelivered() && deadLetters.isDead(messageId)) {
                return; // Dead-lettered on its last delivery: now it leaves the queue.
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Could not read a POS message", e);
        }
        String body = null;
        try {
            if (!(message instanceof TextMessage text)) {
                throw new PosEventRejected(400, "Not a text message; send the event as JSON text");
            }
            body = text.getText();
            PosEvent event = PosDeadLetters.parse(body);
            PosTerminal terminal =
                    terminals
                            .forStore(event.storeCode(), event.terminalId())
                            .orElseThrow(
                                    () ->
                                            new PosEventRejected(
                                                    422,
                                                    "Unknown store '" + event.storeCode() + "'"));
            events.apply(terminal, event);
        } catch (RuntimeException | JMSException e) {
            String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            int attempts = deadLetters.failed(messageId, body, reason, maxAttempts);
            LOG.warning(
                    "POS message "
                            + messageId
                            + " failed (attempt "
                            + attempts
                            + " of "
                            + maxAttempts
                            + "): "
                            + reason);
            context.setRollbackOnly();
        }
    }
}
