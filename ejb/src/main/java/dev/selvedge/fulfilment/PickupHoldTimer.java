package dev.selvedge.fulfilment;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Looks for click and collect orders to remind or to end every 10 seconds (an indexed look at the
 * orders waiting, nothing more when there are none), up to 50 of each a round.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PickupHoldTimer {

    private static final Logger LOG = Logger.getLogger(PickupHoldTimer.class.getName());

    @EJB private PickupHolds holds;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    void sweep() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (String number : holds.pastHold(50)) {
                try {
                    holds.expire(number);
                } catch (RuntimeException e) {
                    LOG.warning("Could not end the pickup hold of " + number + ": " + e);
                }
            }
            for (String number : holds.toRemind(50)) {
                try {
                    holds.remind(number);
                } catch (RuntimeException e) {
                    LOG.warning("Could not remind the shopper of " + number + ": " + e);
                }
            }
        } catch (RuntimeException e) {
            LOG.warning("Pickup hold sweep failed: " + e);
        } finally {
            running.set(false);
        }
    }
}
