package dev.selvedge.fulfilment;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for click and collect orders to remind or to end every {@code
 * selvedge.pickup.sweep-seconds} (60; an indexed look at the orders waiting, nothing more when
 * there are none), up to 50 of each a round.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PickupHoldTimer {

    private static final Logger LOG = Logger.getLogger(PickupHoldTimer.class.getName());

    @EJB private PickupHolds holds;

    @Resource private TimerService timers;

    @Inject
    @ConfigProperty(name = "selvedge.pickup.sweep-seconds", defaultValue = "60")
    long sweepSeconds;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void start() {
        long every = java.time.Duration.ofSeconds(Math.max(1, sweepSeconds)).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig(null, false));
    }

    @Timeout
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
