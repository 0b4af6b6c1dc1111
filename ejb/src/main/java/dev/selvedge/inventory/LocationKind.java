package dev.selvedge.inventory;

/** What a location is: a shop with a till, or a warehouse. */
public enum LocationKind {
    STORE,
    WAREHOUSE
}
