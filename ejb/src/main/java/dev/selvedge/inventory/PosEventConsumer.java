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
 * applied by the same service as the HTTP door. Each message carries its till's API key in the
 * string property {@code tillKey}, and an event is taken only for that till's own store. A message
 * that fails rolls back and comes again; at the configured attempt it goes to the dead-letter store
 * for staff, and is then taken off the queue.
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
                    propertyValue = "jms/shop/connections"),
            // The shop's own broker user (server-config makes it; guest is off), its password
            // from the password alias, which Payara expands in activation properties.
            @ActivationConfigProperty(propertyName = "userName", propertyValue = "selvedge"),
            @ActivationConfigProperty(
                    propertyName = "password",
                    propertyValue = "${ALIAS=mq-app-password}")
        })
public class PosEventConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PosEventConsumer.class.getName());

    /** The string property of a message that carries the sending till's API key. */
    public static final String TILL_KEY = "tillKey";

    @EJB private PosEventService events;

    @EJB private PosDeadLetters deadLetters;

    @Inject private PosTerminals terminals;

    @Inject private FeedHeartbeats heartbeats;

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
        PosTerminal sender = null;
        try {
            if (message instanceof TextMessage text) {
                body = text.getText(); // Kept whatever happens next.
            }
            // The sender proves which till it is, as on the HTTP door; the service then refuses
            // an event for any store but that till's own.
            sender =
                    terminals
                            .authenticate(message.getStringProperty(TILL_KEY))
                            .orElseThrow(
                                    () ->
                                            new PosEventRejected(
                                                    401,
                                                    "The message carries no valid till key in its '"
                                                            + TILL_KEY
                                                            + "' property"));
            // Heard, in a transaction of its own and before this one locks any SKU: the
            // silent-store sweep takes the store's row before the SKUs, so the other way round
            // could wait on each other.
            heartbeats.heard(sender);
            if (body == null) {
                throw new PosEventRejected(400, "Not a text message; send the event as JSON text");
            }
            events.apply(sender, PosDeadLetters.parse(body));
        } catch (RuntimeException | JMSException e) {
            String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            int attempts = deadLetters.failed(messageId, body, reason, maxAttempts, sender);
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
