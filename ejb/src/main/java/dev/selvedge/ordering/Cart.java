package dev.selvedge.ordering;

import dev.selvedge.catalog.ItemView;
import dev.selvedge.pricing.Quote;
import java.util.List;

/**
 * A shopping bag as the shopper sees it: each line with today's price and what can be sold now, and
 * the server's quote for the lot (empty bag: no quote).
 */
public record Cart(List<Line> lines, Quote quote) {

    /** {@code problem} says why the line cannot be bought as it stands (sold out, too few left). */
    public record Line(ItemView item, int quantity, long lineMinor, String problem) {}

    public int count() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Every line can be bought as it stands. */
    public boolean isBuyable() {
        return !lines.isEmpty() && lines.stream().allMatch(l -> l.problem() == null);
    }

    static String problemOf(ItemView item, int quantity) {
        if (item.available() == 0) {
            return "Sold out in this size. Choose another size or remove it.";
        }
        if (item.available() < quantity) {
            return "Only " + item.available() + " left: lower the quantity to buy it.";
        }
        return null;
    }
}
