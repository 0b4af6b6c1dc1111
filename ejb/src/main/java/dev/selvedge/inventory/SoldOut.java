package dev.selvedge.inventory;

import dev.selvedge.shared.Rejected;

/** Fewer units of a SKU can be sold online than a checkout asked for; nothing was held. */
public class SoldOut extends Rejected {

    private final String sku;
    private final int requested;
    private final int available;

    public SoldOut(String sku, int requested, int available) {
        super(
                409,
                available == 0
                        ? sku + " is sold out"
                        : "Only "
                                + available
                                + " of "
                                + sku
                                + " left; "
                                + requested
                                + " asked for");
        this.sku = sku;
        this.requested = requested;
        this.available = available;
    }

    public String sku() {
        return sku;
    }

    public int requested() {
        return requested;
    }

    public int available() {
        return available;
    }
}
