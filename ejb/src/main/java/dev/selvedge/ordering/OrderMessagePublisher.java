package dev.selvedge.ordering;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Publishes the order messages waiting in the outbox, oldest first, and deletes them in the same
 * (two-phase) transaction: status changes on {@code jms/orders/status}, fulfilment requests on
 * {@code jms/orders/fulfilment}. A message is sent at least once and never lost; consumers tell a
 * repeat by its {@code eventId}.
 */
@Stateless
public class OrderMessagePublisher {

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    @Resource(lookup = "jms/shop/connections")
    private ConnectionFactory connections;

    @Resource(lookup = "jms/orders/status")
    private Topic status;

    @Resource(lookup = "jms/orders/fulfilment")
    private Queue fulfilment;

    /** Sends up to {@code max} waiting messages; how many were sent. */
    public int publishWaiting(int max) {
        try (Connection c = dataSource.getConnection();
                JMSContext jms = connections.createContext()) {
            List<Object> sent = new ArrayList<>();
            try (PreparedStatement st =
                    c.prepareStatement(
                            "SELECT id, destination, payload FROM order_outbox"
                                    + " ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
                st.setInt(1, max);
                try (ResultSet rs = st.executeQuery()) {
                    JMSProducer producer = jms.createProducer();
                    while (rs.next()) {
                        boolean isStatus = rs.getString(2).equals("STATUS");
                        Destination to = isStatus ? status : fulfilment;
                        TextMessage message = jms.createTextMessage(rs.getString(3));
                        if (isStatus) {
                            // Lets subscribers select status changes without reading bodies.
                            message.setStringProperty("type", "ORDER_STATUS_CHANGED");
                        }
                        producer.send(to, message);
                        sent.add(rs.getObject(1));
                    }
                }
            }
            if (!sent.isEmpty()) {
                try (PreparedStatement st =
                        c.prepareStatement("DELETE FROM order_outbox WHERE id = ANY(?)")) {
                    st.setArray(1, c.createArrayOf("uuid", sent.toArray()));
                    st.executeUpdate();
                }
            }
            return sent.size();
        } catch (SQLException | JMSException e) {
            throw new IllegalStateException("Could not publish order messages", e);
        }
    }
}
