package dev.selvedge.web.api;

import dev.selvedge.shared.JsonObjects;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.util.logging.Logger;

/**
 * Subscribes this server to {@code jms/stock/changes} and hands each SKU's new figure to the
 * product pages watching it. Not durable: a page that was not open needs no past changes.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "jms/stock/changes"),
            @ActivationConfigProperty(
                    propertyName = "destinationType",
                    propertyValue = "jakarta.jms.Topic"),
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
// No transaction: a badge update needs none, and an XA transaction per stock change cost as much
// as the change itself.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LiveStockConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(LiveStockConsumer.class.getName());

    @Inject private LiveStock live;

    @Override
    public void onMessage(Message message) {
        try {
            JsonObject change = JsonObjects.parse(((TextMessage) message).getText());
            if (message.propertyExists("sequence")) {
                live.changed(
                        change.getString("sku"),
                        change.getInt("availableOnline"),
                        message.getLongProperty("sequence"));
            } else {
                live.changed(change.getString("sku"), change.getInt("availableOnline"));
            }
        } catch (JMSException | RuntimeException e) {
            // A page badge is a convenience: a bad change message is logged, not redelivered.
            LOG.warning("Stock change not shown live: " + e);
        }
    }
}
