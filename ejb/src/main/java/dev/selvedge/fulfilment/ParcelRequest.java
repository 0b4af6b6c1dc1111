package dev.selvedge.fulfilment;

import dev.selvedge.customer.PostalAddress;
import java.time.Instant;
import java.util.List;

/**
 * What a carrier needs to book one parcel. {@code reference} is the shop's id of the parcel (order
 * number and parcel number, "SV-100019-1"), unique per parcel; {@code pickup} is the location it
 * leaves from as the carrier knows it (its pickup address nickname or warehouse name, from
 * configuration); amounts in minor units of {@code currency}.
 */
public record ParcelRequest(
        String reference,
        String orderNumber,
        Instant orderedAt,
        String pickup,
        PostalAddress to,
        String email,
        List<Item> items,
        long valueMinor,
        String currency,
        boolean cashOnDelivery,
        int weightGrams,
        int lengthCm,
        int breadthCm,
        int heightCm) {

    /** Units of one SKU in the parcel, at the price the shopper paid for each. */
    public record Item(String sku, String name, int units, long unitMinor, int taxRatePercent) {}

    public ParcelRequest {
        items = List.copyOf(items);
    }
}
