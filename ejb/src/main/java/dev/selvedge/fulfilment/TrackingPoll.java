package dev.selvedge.fulfilment;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Asks carriers for the tracking of parcels on their way, for the updates a webhook did not bring
 * (a carrier that does not push, or a push that was lost): every parcel at most once per {@code
 * selvedge.fulfilment.poll-seconds}, at most {@code selvedge.fulfilment.poll-batch} parcels every 5
 * seconds, so a carrier is never asked faster than that. The calls are made outside any
 * transaction; what they bring is applied as a webhook's is (forward only, repeats change nothing).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrackingPoll {

    private static final Logger LOG = Logger.getLogger(TrackingPoll.class.getName());

    @EJB private ShipmentBookings bookings;
    @EJB private FulfilmentService fulfilment;
    @Inject private Carriers carriers;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "selvedge.fulfilment.poll-seconds",
            defaultValue = "1800")
    private int pollSeconds;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "selvedge.fulfilment.poll-batch",
            defaultValue = "10")
    private int batch;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void poll() {
        if (!running.compareAndSet(false, true)) {
            return; // The last round is still asking.
        }
        try {
            for (ShipmentBookings.OnTheWay parcel : bookings.dueForTracking(pollSeconds, batch)) {
                Carrier carrier = carriers.byId(parcel.carrier()).orElse(null);
                if (carrier == null || !carrier.enabled()) {
                    continue;
                }
                try {
                    List<TrackingUpdate> updates = carrier.track(parcel.booking());
                    if (!updates.isEmpty()) {
                        fulfilment.tracked(carrier.id(), updates);
                    }
                } catch (CarrierFailure e) {
                    LOG.info(
                            carrier.label()
                                    + " gave no tracking of "
                                    + parcel.booking().awb()
                                    + ": "
                                    + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.warning("Tracking poll failed: " + e);
        } finally {
            running.set(false);
        }
    }
}
