package dev.selvedge.fulfilment;

/**
 * Where a parcel stands. TO_PICK, PICKING, PACKED at its location; BOOKING while the carrier is
 * asked for an AWB and label, BOOKED with both (BOOKING_FAILED when the carrier refused or stayed
 * down after the last retry: staff see why and retry); then SHIPPED at hand-over and the carrier's
 * own steps. Click and collect parcels picked at the pickup store wait there READY_FOR_PICKUP;
 * picked elsewhere they travel TO_STORE first; they end COLLECTED, or NOT_COLLECTED past the hold.
 */
public enum ShipmentStatus {
    TO_PICK,
    PICKING,
    PACKED,
    BOOKING,
    BOOKING_FAILED,
    BOOKED,
    SHIPPED,
    OUT_FOR_DELIVERY,
    DELIVERED,
    DELIVERY_FAILED,
    RETURNED_TO_ORIGIN,
    TO_STORE,
    READY_FOR_PICKUP,
    COLLECTED,
    NOT_COLLECTED,
    CANCELLED
}
