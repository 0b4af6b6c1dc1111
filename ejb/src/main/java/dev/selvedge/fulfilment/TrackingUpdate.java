package dev.selvedge.fulfilment;

import java.time.Instant;

/**
 * One step of a parcel as its carrier reports it: the carrier's own status, kept as it came (an
 * unknown one is shown, never dropped), what it means for the parcel ({@code step}), when and
 * where.
 */
public record TrackingUpdate(
        String awb, String carrierStatus, Step step, Instant at, String place, String remark) {

    /** What a carrier status means for the parcel. */
    public enum Step {
        BOOKED,
        PICKED_UP,
        IN_TRANSIT,
        OUT_FOR_DELIVERY,
        DELIVERED,
        DELIVERY_FAILED,
        RETURNED_TO_ORIGIN,
        CANCELLED,
        /** A status this shop does not know: kept and shown to staff, changes nothing. */
        UNKNOWN
    }
}
