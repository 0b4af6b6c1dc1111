package dev.selvedge.inventory;

import java.util.List;

/** A checkout asking to hold units: {@code {reference, lines:[{sku, quantity}], holdMinutes?}}. */
public record ReservationRequest(String reference, List<Line> lines, Integer holdMinutes) {

    public record Line(String sku, Integer quantity) {}
}
