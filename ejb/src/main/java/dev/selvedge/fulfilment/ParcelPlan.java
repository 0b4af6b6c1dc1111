package dev.selvedge.fulfilment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which order lines go in which parcel: one parcel per location where the order's units left stock
 * (the checkout held them warehouse first, then where most could be sold; a till's sale may have
 * moved a hold since), each order line split over locations as its units were held. Pure: the
 * service gives the order's lines and its held units.
 */
public final class ParcelPlan {

    /** An order line: its id, SKU and units. */
    public record Wanted(long orderLineId, String sku, int quantity) {}

    /** Units of a SKU the order holds at a location. */
    public record Held(String sku, String location, int quantity) {}

    /** Units of an order line in the parcel from a location. */
    public record Part(long orderLineId, int quantity) {}

    private final Map<String, List<Part>> parcels;
    private final String problem;

    private ParcelPlan(Map<String, List<Part>> parcels, String problem) {
        this.parcels = parcels;
        this.problem = problem;
    }

    /** Parcels by location code, in the order the holds came. */
    public Map<String, List<Part>> parcels() {
        return parcels;
    }

    /** Why the order cannot be sent whole from what it holds, if so. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public static ParcelPlan of(List<Wanted> lines, List<Held> held) {
        Map<String, List<Held>> bySku = new LinkedHashMap<>();
        for (Held h : held) {
            bySku.computeIfAbsent(h.sku(), k -> new ArrayList<>())
                    .add(new Held(h.sku(), h.location(), h.quantity()));
        }
        Map<String, List<Part>> parcels = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Wanted line : lines) {
            int left = line.quantity();
            List<Held> holds = bySku.getOrDefault(line.sku(), new ArrayList<>());
            for (int i = 0; i < holds.size() && left > 0; i++) {
                Held h = holds.get(i);
                int take = Math.min(h.quantity(), left);
                if (take == 0) {
                    continue;
                }
                parcels.computeIfAbsent(h.location(), k -> new ArrayList<>())
                        .add(new Part(line.orderLineId(), take));
                holds.set(i, new Held(h.sku(), h.location(), h.quantity() - take));
                left -= take;
            }
            if (left > 0) {
                missing.add(left + " of " + line.sku());
            }
        }
        return missing.isEmpty()
                ? new ParcelPlan(parcels, null)
                : new ParcelPlan(
                        parcels, "No location holds " + String.join(", ", missing) + " for it");
    }
}
