package dev.selvedge.inventory;

import dev.selvedge.catalog.Variant;
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

    /** One location's figures for a SKU. */
    public record LocationStock(
            String code,
            int onHand,
            int reserved,
            java.time.Instant lastHeardAt,
            java.time.Instant silentSince) {}

    /** A SKU's stock: what sells online now and what each location holds. */
    public record SkuStock(
            String sku, int available, java.time.Instant asOf, List<LocationStock> locations) {}

    public java.util.Optional<SkuStock> stockOf(String sku) {
        List<Variant> found =
                em.createNamedQuery("Variant.findBySku", Variant.class)
                        .setParameter("sku", sku)
                        .getResultList();
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        Variant variant = found.get(0);
        List<LocationStock> locations =
                em
                        .createQuery(
                                "SELECT s FROM StockLevel s JOIN FETCH s.location WHERE s.variant = :variant"
                                        + " ORDER BY s.location.code",
                                StockLevel.class)
                        .setParameter("variant", variant)
                        .getResultList()
                        .stream()
                        .map(
                                s ->
                                        new LocationStock(
                                                s.getLocation().getCode(),
                                                s.getOnHand(),
                                                s.getReserved(),
                                                s.getLocation().getLastHeardAt(),
                                                s.getLocation().getSilentSince()))
                        .toList();
        return java.util.Optional.of(
                new SkuStock(
                        sku, variant.getAvailableOnline(), java.time.Instant.now(), locations));
    }

    public List<Location> locations() {
        return em.createNamedQuery("Location.all", Location.class).getResultList();
    }
}
