package dev.selvedge.fulfilment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A logistics partner behind one interface: quote, book a parcel (AWB and label), cancel, ask for a
 * pickup, track (pull) and read its tracking webhooks (push). Adapters speak the provider's
 * documented HTTP API with the base URL and keys from configuration; {@code manual} is the store's
 * own riders, whose tracking staff type in.
 *
 * <p>Calls go out to another company's servers: they are made outside any lock and any database
 * transaction that matters, and fail with {@link CarrierFailure}, which says whether trying again
 * later can help.
 */
public interface Carrier {

    /** The short name used in configuration, URLs and the shipment's row ("shiprocket"). */
    String id();

    /** The name staff see. */
    String label();

    /** Configured and switched on. */
    boolean enabled();

    /** What sending the parcel would cost, per courier the carrier offers; may be empty. */
    List<CarrierQuote> quote(ParcelRequest parcel);

    /**
     * Books the parcel with the carrier: its AWB, a tracking link and the label. Booking the same
     * {@link ParcelRequest#reference()} again must not make a second shipment where the provider
     * lets the adapter tell (each adapter says how).
     */
    CarrierBooking book(ParcelRequest parcel);

    /** The label of a booked parcel as PDF. */
    byte[] labelPdf(CarrierBooking booking);

    /** Cancels a booked parcel that has not left. */
    void cancel(CarrierBooking booking);

    /** Asks the carrier to collect the booked parcels from their location. */
    void requestPickup(List<CarrierBooking> bookings);

    /** The parcel's tracking so far, oldest first. */
    List<TrackingUpdate> track(CarrierBooking booking);

    /**
     * Reads a tracking webhook: its updates, or empty when the request is not this carrier's.
     * Throws {@link dev.selvedge.payment.BadSignature} when it claims to be and its token or
     * signature is wrong.
     */
    Optional<List<TrackingUpdate>> webhook(Map<String, String> headers, String body);
}
