package dev.selvedge.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GST rates by category and price band, written as {@code category:from-to:rate} rules separated by
 * commas, prices in rupees per piece, {@code *} for every category, e.g. the default {@code
 * *:0-2500:5,*:2500-:18} (clothing up to Rs 2,500 a piece at 5 %, dearer pieces at 18 %). The most
 * specific category that has a band for the price wins. Shelf prices include the tax, as Indian
 * retail shows them; the tax is worked out of them.
 */
public final class TaxRules {

    record Rule(String category, long fromMinor, long toMinor, int ratePercent) {
        boolean matches(String categoryPath, long unitMinor) {
            return (category.equals("*")
                            || categoryPath.equals(category)
                            || categoryPath.startsWith(category + "/"))
                    && unitMinor >= fromMinor
                    && unitMinor < toMinor;
        }
    }

    private final List<Rule> rules;

    private TaxRules(List<Rule> rules) {
        this.rules = rules;
    }

    public static TaxRules parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] f = part.strip().split(":");
            if (f.length != 3 || !f[1].contains("-")) {
                throw new IllegalArgumentException(
                        "A tax rule is category:from-to:rate, e.g. *:0-2500:5; got '" + part + "'");
            }
            String[] band = f[1].split("-", -1);
            rules.add(
                    new Rule(
                            f[0].strip(),
                            Long.parseLong(band[0].strip()) * 100,
                            band[1].isBlank()
                                    ? Long.MAX_VALUE
                                    : Long.parseLong(band[1].strip()) * 100,
                            Integer.parseInt(f[2].strip())));
        }
        // Most specific category first ("*" last).
        rules.sort(
                Comparator.comparingInt(
                                (Rule r) -> r.category().equals("*") ? -1 : r.category().length())
                        .reversed());
        return new TaxRules(rules);
    }

    /** The GST rate in percent of a piece at this price in this category. */
    public int ratePercent(String categoryPath, long unitMinor) {
        return rules.stream()
                .filter(r -> r.matches(categoryPath, unitMinor))
                .findFirst()
                .map(Rule::ratePercent)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "No tax rule covers " + categoryPath + " at " + unitMinor));
    }

    /** The tax included in a tax-inclusive amount: amount x rate / (100 + rate), to the paisa. */
    public static long includedTax(long inclusiveMinor, int ratePercent) {
        return BigDecimal.valueOf(inclusiveMinor)
                .multiply(BigDecimal.valueOf(ratePercent))
                .divide(BigDecimal.valueOf(100L + ratePercent), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
