package dev.selvedge.catalog;

/** Who a style is cut for. */
public enum Gender {
    WOMEN,
    MEN,
    UNISEX,
    KIDS
}
