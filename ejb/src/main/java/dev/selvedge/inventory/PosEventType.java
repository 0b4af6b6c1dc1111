package dev.selvedge.inventory;

/** The kinds of POS event, with the direction each moves stock on hand. */
public enum PosEventType {
    SALE(-1),
    RETURN(1),
    RECEIPT(1),
    TRANSFER_OUT(-1),
    TRANSFER_IN(1),
    /** Signed quantity, reason required. */
    ADJUSTMENT(1),
    /** Absolute count of a SKU at the store at {@code occurredAt}. */
    STOCK_COUNT(0);

    private final int direction;

    PosEventType(int direction) {
        this.direction = direction;
    }

    /** The change of stock on hand a line of this type asks for (not used for counts). */
    public int delta(int quantity) {
        return direction * quantity;
    }

    /** Types that take units off the shelf: selling more than is known raises a discrepancy. */
    public boolean takesOut() {
        return direction < 0;
    }
}
