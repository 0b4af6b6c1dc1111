package dev.selvedge.fulfilment;

/**
 * A parcel booked with a carrier: the AWB (the number on the label that tracks it), the carrier's
 * own id of the shipment (needed by its other calls), the courier that carries it, where the
 * shopper follows it, and where the carrier keeps the label (null when it gives none).
 */
public record CarrierBooking(
        String awb, String carrierReference, String courier, String trackingUrl, String labelUrl) {}
