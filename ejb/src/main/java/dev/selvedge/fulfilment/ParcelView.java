package dev.selvedge.fulfilment;

import java.time.Instant;
import java.util.List;

/** A parcel as staff and shoppers read it: its lines, where it stands, its tracking so far. */
public record ParcelView(
        long shipmentId,
        String reference,
        String orderNumber,
        String location,
        /** The store the shopper collects from; null when the parcel is delivered. */
        String pickupStore,
        String status,
        String carrier,
        String courier,
        String awb,
        String trackingUrl,
        String message,
        Integer weightGrams,
        String box,
        boolean hasLabel,
        List<Line> lines,
        List<Step> tracking) {

    public record Line(
            String sku, String name, String colour, String size, int quantity, int picked) {}

    public record Step(
            Instant at, String carrierStatus, String step, String place, String remark) {}

    /** Whether the parcel is picked at the store its shopper collects from. */
    public boolean atPickupStore() {
        return location.equals(pickupStore);
    }

    public int units() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    public int picked() {
        return lines.stream().mapToInt(Line::picked).sum();
    }
}
