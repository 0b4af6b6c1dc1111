package dev.selvedge.ordering;

/**
 * Who moves an order, as the timeline records it: a kind (SYSTEM, SHOPPER, STAFF, CARRIER or
 * PAYMENT), a name (the staff account, the carrier, "fulfilment") and an optional reason.
 */
public record OrderActor(Kind kind, String name, String reason) {

    public enum Kind {
        SYSTEM,
        SHOPPER,
        STAFF,
        CARRIER,
        PAYMENT
    }

    public OrderActor {
        if (kind == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("An order actor has a kind and a name");
        }
        if (name.length() > 120) {
            name = name.substring(0, 120); // What the timeline and the ledger keep.
        }
        if (reason != null && reason.length() > 300) {
            reason = reason.substring(0, 300);
        }
    }

    public static OrderActor staff(String account, String reason) {
        return new OrderActor(Kind.STAFF, account, reason);
    }

    public static OrderActor shopper(String email, String reason) {
        return new OrderActor(Kind.SHOPPER, email, reason);
    }

    public static OrderActor system(String name, String reason) {
        return new OrderActor(Kind.SYSTEM, name, reason);
    }
}
