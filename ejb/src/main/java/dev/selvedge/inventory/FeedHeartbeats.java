package dev.selvedge.inventory;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records that a store's feed was heard when one of its events arrives, at most once a second per
 * store from this server: the database would skip a more frequent one anyway, and a busy till door
 * then spends no transaction of its own on it per event. (An explicit heartbeat is always
 * recorded.)
 */
@ApplicationScoped
public class FeedHeartbeats {

    private static final long EVERY_NANOS = 1_000_000_000L;

    @EJB private PosEventService events;

    private final Map<Long, Long> recordedAt = new ConcurrentHashMap<>();

    public void heard(PosTerminal terminal) {
        long now = System.nanoTime();
        Long last = recordedAt.get(terminal.locationId());
        if (last != null && now - last < EVERY_NANOS) {
            return;
        }
        recordedAt.put(terminal.locationId(), now);
        events.heartbeat(terminal);
    }
}
