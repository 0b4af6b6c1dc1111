package dev.selvedge.inventory;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
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
 * Publishes the stock changes waiting in the outbox on {@code jms/stock/changes}, oldest first, and
 * deletes them in the same transaction: a change is sent at least once and never lost. Subscribers
 * tell a repeat by its {@code eventId}.
 */
@Stateless
public class StockChangePublisher {

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    // A context of its own per batch: the injected one looks up its transaction's context at every
    // call, which cost more than the sends themselves.
    @Resource(lookup = "jms/shop/connections")
    private ConnectionFactory connections;

    @Resource(lookup = "jms/stock/changes")
    private Topic topic;

    /** Sends up to {@code max} waiting changes; how many were sent. */
    public int publishWaiting(int max) {
        try (Connection c = dataSource.getConnection();
                JMSContext jms = connections.createContext()) {
            List<Long> sent = new ArrayList<>();
            try (PreparedStatement st =
                    c.prepareStatement(
                            "SELECT id, payload FROM stock_outbox ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                st.setInt(1, max);
                try (ResultSet rs = st.executeQuery()) {
                    var producer = jms.createProducer();
                    while (rs.next()) {
                        TextMessage message = jms.createTextMessage(rs.getString(2));
                        message.setStringProperty("type", "STOCK_CHANGED");
                        message.setLongProperty("sequence", rs.getLong(1));
                        producer.send(topic, message);
                        sent.add(rs.getLong(1));
                    }
                }
            }
            if (!sent.isEmpty()) {
                try (PreparedStatement st =
                        c.prepareStatement("DELETE FROM stock_outbox WHERE id = ANY(?)")) {
                    st.setArray(1, c.createArrayOf("bigint", sent.toArray()));
                    st.executeUpdate();
                }
            }
            return sent.size();
        } catch (SQLException | JMSException e) {
            throw new IllegalStateException("Could not publish stock changes", e);
        }
    }
}
