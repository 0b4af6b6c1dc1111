package dev.selvedge.fulfilment;

import dev.selvedge.ordering.OrderStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonString;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shop's own subscriber to {@code jms/orders/status}: tells shoppers about their orders. The
 * subscription is durable, so moves published while the application is down are told when it is
 * back.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "jms/orders/status"),
            @ActivationConfigProperty(
                    propertyName = "destinationType",
                    propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(
                    propertyName = "subscriptionDurability",
                    propertyValue = "Durable"),
            @ActivationConfigProperty(
                    propertyName = "clientId",
                    propertyValue = "selvedge-notifications"),
            @ActivationConfigProperty(
                    propertyName = "subscriptionName",
                    propertyValue = "order-notifications"),
            @ActivationConfigProperty(
                    propertyName = "connectionFactoryLookup",
                    propertyValue = "jms/shop/connections"),
            @ActivationConfigProperty(propertyName = "userName", propertyValue = "selvedge"),
            // Four at once: sending is the mail and text outboxes' work; see
            // FulfilmentRequestConsumer.
            @ActivationConfigProperty(propertyName = "endpointPoolMaxSize", propertyValue = "4"),
            @ActivationConfigProperty(
                    propertyName = "password",
                    propertyValue = "${ALIAS=mq-app-password}")
        })
public class OrderStatusConsumer implements MessageListener {

    static final String TOPIC = "jms/orders/status";

    @EJB private OrderNotifications notifications;
    @EJB private ParkedMessages parked;

    @Inject
    @ConfigProperty(name = "selvedge.fulfilment.max-attempts", defaultValue = "5")
    private int maxAttempts;

    @Resource private MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        OrderMessageDelivery.handle(
                message,
                TOPIC,
                parked,
                context,
                maxAttempts,
                json -> {
                    if (!"ORDER_STATUS_CHANGED".equals(json.getString("type", ""))) {
                        throw new FulfilmentProblem(
                                "Unknown type '" + json.getString("type", "") + "'");
                    }
                    UUID eventId;
                    OrderStatus to;
                    try {
                        eventId = UUID.fromString(json.getString("eventId", ""));
                        to = OrderStatus.valueOf(json.getString("to", ""));
                    } catch (IllegalArgumentException e) {
                        throw new FulfilmentProblem(
                                "Not a status change: eventId or to is not valid");
                    }
                    String number = json.getString("orderNumber", "");
                    if (number.isEmpty() || number.length() > 40) {
                        throw new FulfilmentProblem("The message names no order (orderNumber)");
                    }
                    OrderStatus from = null;
                    if (json.get("from") instanceof JsonString f) {
                        try {
                            from = OrderStatus.valueOf(f.getString());
                        } catch (IllegalArgumentException e) {
                            throw new FulfilmentProblem("Not a status change: from is not valid");
                        }
                    }
                    notifications.moved(
                            eventId,
                            number,
                            from,
                            to,
                            json.get("reason") instanceof JsonString reason
                                    ? reason.getString()
                                    : null);
                });
    }
}
