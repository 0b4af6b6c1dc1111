package dev.selvedge.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store's own riders: nothing to call. The parcel's reference is its tracking number, the
 * shop's packing slip is its label, and staff record the delivery themselves.
 */
@ApplicationScoped
public class ManualCarrier implements Carrier {

    public static final String ID = "manual";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Own riders (manual)";
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public List<CarrierQuote> quote(ParcelRequest parcel) {
        return List.of();
    }

    @Override
    public CarrierBooking book(ParcelRequest parcel) {
        return new CarrierBooking(
                parcel.reference(), parcel.reference(), "Selvedge rider", null, null);
    }

    @Override
    public byte[] labelPdf(CarrierBooking booking) {
        return new byte[0];
    }

    @Override
    public void cancel(CarrierBooking booking) {}

    @Override
    public void requestPickup(List<CarrierBooking> bookings) {}

    @Override
    public List<TrackingUpdate> track(CarrierBooking booking) {
        return List.of();
    }

    @Override
    public Optional<List<TrackingUpdate>> webhook(Map<String, String> headers, String body) {
        return Optional.empty();
    }
}
