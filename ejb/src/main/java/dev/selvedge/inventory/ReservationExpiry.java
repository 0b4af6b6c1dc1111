package dev.selvedge.inventory;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.logging.Logger;

/** Gives back the units of reservations nobody came back for, every ten seconds. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReservationExpiry {

    private static final Logger LOG = Logger.getLogger(ReservationExpiry.class.getName());
    private static final int BATCH = 100;

    @EJB private ReservationService reservations;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    void expire() {
        int expired;
        int total = 0;
        do {
            // One transaction per batch, so that a long backlog never holds locks for long.
            expired = reservations.expireDue(BATCH);
            total += expired;
        } while (expired == BATCH);
        if (total > 0) {
            LOG.info("Released the units of expired reservations: " + total);
        }
    }
}
