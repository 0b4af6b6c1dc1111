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
     * less reserved, each location at zero at worst; kept on the variant by the database. SKUs
     * without stock map to 0.
     */
    public Map<String, Integer> availableOnline(Collection<String> skus) {
        Map<String, Integer> available = new HashMap<>();
        skus.forEach(sku -> available.put(sku, 0));
        if (skus.isEmpty()) {
            return available;
        }
        em.createQuery(
                        "SELECT v.sku, v.availableOnline FROM Variant v WHERE v.sku IN :skus",
                        Object[].class)
                .setParameter("skus", skus)
                .getResultList()
                .forEach(row -> available.put((String) row[0], (Integer) row[1]));
        return available;
    }

    public List<Location> locations() {
        return em.createNamedQuery("Location.all", Location.class).getResultList();
    }
}
