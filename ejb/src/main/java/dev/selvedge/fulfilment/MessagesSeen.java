package dev.selvedge.fulfilment;

import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * The order messages a consumer has acted on. Recorded in the transaction of what it did, so that a
 * repeat (sent again by the relay, or delivered again by the broker) changes nothing.
 */
final class MessagesSeen {

    private MessagesSeen() {}

    /** True the first time this consumer sees this event (and records it). */
    static boolean first(EntityManager em, String consumer, UUID eventId) {
        return em.createNativeQuery(
                                "INSERT INTO order_message_seen (consumer, event_id) VALUES (?1, CAST(?2 AS UUID))"
                                        + " ON CONFLICT DO NOTHING")
                        .setParameter(1, consumer)
                        .setParameter(2, eventId.toString())
                        .executeUpdate()
                == 1;
    }
}
