package dev.selvedge.inventory;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stock figures: what each location holds and what can be sold online. */
@Stateless
public class InventoryService {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /**
     * Units sellable online per SKU: the sum over locations that fulfil online orders of on hand
     * less reserved, never below zero. SKUs without stock map to 0.
     */
    public Map<String, Integer> availableOnline(Collection<String> skus) {
        Map<String, Integer> available = new HashMap<>();
        skus.forEach(sku -> available.put(sku, 0));
        if (skus.isEmpty()) {
            return available;
        }
        List<Object[]> rows =
                em.createQuery(
                                "SELECT s.variant.sku, SUM(s.onHand - s.reserved) FROM StockLevel s"
                                        + " WHERE s.location.fulfilsOnline = TRUE AND s.variant.sku IN :skus"
                                        + " GROUP BY s.variant.sku",
                                Object[].class)
                        .setParameter("skus", skus)
                        .getResultList();
        for (Object[] row : rows) {
            available.put((String) row[0], Math.max(0, ((Number) row[1]).intValue()));
        }
        return available;
    }

    public List<Location> locations() {
        return em.createNamedQuery("Location.all", Location.class).getResultList();
    }
}
