package dev.selvedge.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Units held for a checkout. {@code token} is the holder's handle (shown once, to the caller);
 * {@code reference} is the caller's own id of the checkout. A line is HELD at a location, MOVED (a
 * till sold its units and another location took it over; the new line follows) or SHORT (no
 * location could take it over: staff must act).
 */
public record Reservation(
        String token, String reference, String status, Instant expiresAt, List<Line> lines) {

    public record Line(String sku, String location, int quantity, String status, String note) {}

    public boolean hasShortLines() {
        return lines.stream().anyMatch(l -> l.status().equals("SHORT"));
    }
}
