package dev.selvedge.ordering;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Moves orders through their life after payment, for fulfilment, carriers and staff. The order's
 * row is locked first, so that two moves of one order (a webhook and a staff click) take turns; the
 * database records each move on the timeline with the actor said here.
 */
@Stateless
public class OrderMoves {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /** The order, locked until the transaction ends; empty when there is none by that number. */
    public Optional<CustomerOrder> lock(String orderNumber) {
        return em.createNamedQuery("CustomerOrder.byNumber", CustomerOrder.class)
                .setParameter("number", orderNumber)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /** Moves a locked order; refused with {@link IllegalMove} when the move makes no sense. */
    public void move(CustomerOrder order, OrderStatus next, OrderActor actor) {
        order.moveTo(next);
        describe(actor);
        em.flush(); // Now, while the settings the timeline trigger reads are this actor's.
    }

    /**
     * Hands fulfilment work to {@code jms/orders/fulfilment} through the order outbox: sent when
     * (and only if) this transaction commits.
     */
    public void handOff(String payload) {
        em.createNativeQuery(
                        "INSERT INTO order_outbox (destination, payload) VALUES ('FULFILMENT', ?1)")
                .setParameter(1, payload)
                .executeUpdate();
        em.createNativeQuery("SELECT pg_notify('order_outbox', '')").getSingleResult();
    }

    /** What the timeline trigger records for the moves that follow in this transaction. */
    private void describe(OrderActor actor) {
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT set_config('selvedge.order_actor_kind', ?, true),"
                                + " set_config('selvedge.order_actor', ?, true),"
                                + " set_config('selvedge.order_reason', ?, true)")) {
            st.setString(1, actor.kind().name());
            st.setString(2, actor.name());
            st.setString(3, actor.reason() == null ? "" : actor.reason());
            st.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not describe an order move", e);
        }
    }
}
