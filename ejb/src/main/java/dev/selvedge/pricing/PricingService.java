package dev.selvedge.pricing;

import dev.selvedge.catalog.Variant;
import dev.selvedge.shared.InvalidFields;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prices an order on the server: today's price of each SKU (the sale price when there is one),
 * shipping by method (standard free from a threshold), the GST included by category and price band
 * ({@link TaxRules}). Discounts come with the pricing issue: the quote already carries them (0).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PricingService {

    /** At most this many pieces of one SKU in an order (a shop, not a wholesaler). */
    public static final int MAX_QUANTITY = 10;

    /** Different items (SKUs) in one bag or order at most. */
    public static final int MAX_LINES = 50;

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "selvedge.tax.rates", defaultValue = "*:0-2500:5,*:2500-:18")
    private String taxRatesText;

    @Inject
    @ConfigProperty(name = "selvedge.shipping.standard", defaultValue = "99")
    private long standardRupees;

    @Inject
    @ConfigProperty(name = "selvedge.shipping.standard-free-from", defaultValue = "999")
    private long freeFromRupees;

    @Inject
    @ConfigProperty(name = "selvedge.shipping.express", defaultValue = "249")
    private long expressRupees;

    private TaxRules taxRules;

    @PostConstruct
    void parseRules() {
        taxRules = TaxRules.parse(taxRatesText);
    }

    /** SKU to quantity, in the order given; the same SKU on several lines is added up. */
    public Quote quote(Map<String, Integer> quantities, ShippingMethod method) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (quantities.isEmpty()) {
            problems.put("lines", "Add at least one item.");
        }
        List<Quote.Line> lines = new ArrayList<>();
        long items = 0;
        long tax = 0;
        String currency = "INR";
        for (Map.Entry<String, Integer> e : quantities.entrySet()) {
            int quantity = e.getValue() == null ? 0 : e.getValue();
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                problems.put(
                        "lines." + e.getKey(),
                        "Choose a quantity from 1 to " + MAX_QUANTITY + " for " + e.getKey() + ".");
                continue;
            }
            List<Variant> found =
                    em.createNamedQuery("Variant.findBySku", Variant.class)
                            .setParameter("sku", e.getKey())
                            .getResultList();
            if (found.isEmpty()) {
                problems.put("lines." + e.getKey(), "There is no item " + e.getKey() + ".");
                continue;
            }
            Variant v = found.get(0);
            long unit = v.effectivePrice().minorUnits();
            currency = v.effectivePrice().currency();
            int rate = taxRules.ratePercent(v.getProduct().getCategory().getPath(), unit);
            long line = unit * quantity;
            long lineTax = TaxRules.includedTax(line, rate);
            lines.add(
                    new Quote.Line(
                            v.getSku(),
                            v.getProduct().getBrand().getName() + " " + v.getProduct().getName(),
                            v.getSize().label(),
                            v.getColour().name(),
                            quantity,
                            unit,
                            line,
                            rate,
                            lineTax));
            items += line;
            tax += lineTax;
        }
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems);
        }
        long shipping =
                switch (method) {
                    case STANDARD -> items >= freeFromRupees * 100 ? 0 : standardRupees * 100;
                    case EXPRESS -> expressRupees * 100;
                    case CLICK_AND_COLLECT -> 0;
                };
        // Shipping is taxed at the highest rate of the goods it carries (a composite supply).
        int shippingRate = lines.stream().mapToInt(Quote.Line::taxRatePercent).max().orElse(0);
        tax += TaxRules.includedTax(shipping, shippingRate);
        long discount = 0;
        return new Quote(
                lines, items, discount, shipping, tax, items - discount + shipping, currency);
    }
}
