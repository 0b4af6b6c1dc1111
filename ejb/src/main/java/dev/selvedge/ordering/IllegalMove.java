package dev.selvedge.ordering;

import jakarta.ejb.ApplicationException;

/** A move an order cannot make from where it stands (shipping before packing, say). */
@ApplicationException(rollback = true)
public class IllegalMove extends RuntimeException {

    private final OrderStatus from;
    private final OrderStatus to;

    public IllegalMove(String orderNumber, OrderStatus from, OrderStatus to) {
        super("Order " + orderNumber + " is " + from + " and cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }
}
