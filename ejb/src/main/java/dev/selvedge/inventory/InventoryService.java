package dev.selvedge.inventory;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    /**
     * One query of plain values and no transaction: the POS middleware and the mobile app read this
     * after every change, so it must stay cheap.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Optional<SkuStock> stockOf(String sku) {
        List<Object[]> rows =
                em.createQuery(
                                "SELECT v.availableOnline, l.code, s.onHand, s.reserved, l.lastHeardAt, l.silentSince"
                                        + " FROM Variant v LEFT JOIN StockLevel s ON s.variant = v"
                                        + " LEFT JOIN s.location l WHERE v.sku = :sku ORDER BY l.code",
                                Object[].class)
                        .setParameter("sku", sku)
                        .getResultList();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<LocationStock> locations =
                rows.stream()
                        .filter(row -> row[1] != null)
                        .map(
                                row ->
                                        new LocationStock(
                                                (String) row[1],
                                                (Integer) row[2],
                                                (Integer) row[3],
                                                (java.time.Instant) row[4],
                                                (java.time.Instant) row[5]))
                        .toList();
        return java.util.Optional.of(
                new SkuStock(sku, (Integer) rows.get(0)[0], java.time.Instant.now(), locations));
    }

    public List<Location> locations() {
        return em.createNamedQuery("Location.all", Location.class).getResultList();
    }

    /**
     * How a location serves online orders: whether it sends parcels to shoppers (a store that does
     * not only serves click and collect) and how many days it holds a parcel for collection.
     */
    public void setOnlineService(String code, boolean shipsOnline, int pickupHoldDays) {
        if (pickupHoldDays < 1 || pickupHoldDays > 60) {
            throw new IllegalArgumentException("A store holds a parcel 1 to 60 days");
        }
        Location l =
                location(code)
                        .orElseThrow(() -> new IllegalArgumentException("No location " + code));
        l.serveOnline(shipsOnline, pickupHoldDays);
    }

    /** A location by its code. */
    public java.util.Optional<Location> location(String code) {
        return em.createNamedQuery("Location.findByCode", Location.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }
}
