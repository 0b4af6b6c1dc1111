package dev.selvedge.fulfilment;

import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * How the order consumers take a message: a message that cannot be handled however often it is
 * tried ({@link FulfilmentProblem}) is parked for staff at once; one that failed otherwise is
 * delivered again (the consumer's transaction rolls back) and parked at the configured attempt.
 * Either way it leaves the broker, and what is parked can be replayed from the back office.
 */
final class OrderMessageDelivery {

    private static final Logger LOG = Logger.getLogger(OrderMessageDelivery.class.getName());

    private OrderMessageDelivery() {}

    static void handle(
            Message message,
            String destination,
            ParkedMessages parked,
            MessageDrivenContext context,
            int maxAttempts,
            Consumer<JsonObject> work) {
        String messageId;
        String body = null;
        try {
            messageId = message.getJMSMessageID();
            if (message.getJMSRedelivered() && parked.isParked(messageId)) {
                return; // Parked on its last delivery: now it leaves the broker.
            }
            if (message instanceof TextMessage text) {
                body = text.getText();
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Could not read an order message", e);
        }
        try {
            work.accept(FulfilmentRequestConsumer.parse(body));
        } catch (FulfilmentProblem e) {
            parked.park(destination, messageId, body, e.getMessage(), 1);
            LOG.warning("Order message " + messageId + " parked: " + e.getMessage());
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            int attempts = parked.failed(messageId, reason);
            LOG.warning(
                    "Order message "
                            + messageId
                            + " on "
                            + destination
                            + " failed (attempt "
                            + attempts
                            + " of "
                            + maxAttempts
                            + "): "
                            + reason);
            if (attempts >= maxAttempts) {
                parked.park(destination, messageId, body, reason, attempts);
            } else {
                context.setRollbackOnly();
            }
        }
    }
}
