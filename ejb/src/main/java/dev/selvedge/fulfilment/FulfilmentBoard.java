package dev.selvedge.fulfilment;

import dev.selvedge.shared.InstantConverter;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What staff at a location see of its parcels: one page at a time (never a whole table), filtered
 * by stage and by order number, sorted by the column they choose; and the pick list.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class FulfilmentBoard {

    /** The stages of the fulfilment page, each a set of parcel statuses. */
    public enum Stage {
        TO_PICK(EnumSet.of(ShipmentStatus.TO_PICK, ShipmentStatus.PICKING)),
        TO_BOOK(EnumSet.of(ShipmentStatus.PACKED, ShipmentStatus.BOOKING)),
        TO_HAND_OVER(EnumSet.of(ShipmentStatus.BOOKED)),
        /**
         * Click and collect at this store: parcels on their way here from other locations, and
         * parcels waiting for their shopper.
         */
        COLLECTION(EnumSet.of(ShipmentStatus.TO_STORE, ShipmentStatus.READY_FOR_PICKUP)),
        PROBLEMS(EnumSet.of(ShipmentStatus.BOOKING_FAILED, ShipmentStatus.DELIVERY_FAILED)),
        ON_THE_WAY(
                EnumSet.of(
                        ShipmentStatus.SHIPPED,
                        ShipmentStatus.OUT_FOR_DELIVERY,
                        ShipmentStatus.DELIVERED,
                        ShipmentStatus.RETURNED_TO_ORIGIN,
                        ShipmentStatus.COLLECTED,
                        ShipmentStatus.NOT_COLLECTED));

        private final Set<ShipmentStatus> statuses;

        Stage(Set<ShipmentStatus> statuses) {
            this.statuses = statuses;
        }

        public Set<ShipmentStatus> statuses() {
            return statuses;
        }
    }

    /** One parcel as a row of the page. */
    public record Row(
            long shipmentId,
            String orderNumber,
            Instant placedAt,
            String status,
            int units,
            int picked,
            String carrier,
            String awb,
            String message,
            String shipTo,
            Instant updatedAt) {}

    /** The columns a page may sort by, each a SQL expression of this class's own. */
    private static final Map<String, String> SORTS =
            Map.of(
                    "orderNumber", "o.order_number",
                    "placedAt", "o.created_at",
                    "status", "s.status",
                    "updatedAt", "s.updated_at",
                    "units", "units");

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /**
     * A page of a location's parcels at a stage, oldest order first unless a sort is given; {@code
     * orderFilter} keeps the orders whose number contains it.
     */
    public List<Row> parcels(
            String location,
            Stage stage,
            String orderFilter,
            int first,
            int size,
            String sortBy,
            boolean ascending) {
        String order =
                Optional.ofNullable(SORTS.get(sortBy)).orElse("o.created_at")
                        + (ascending ? " ASC" : " DESC")
                        + ", s.id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                where(
                                "SELECT s.id, o.order_number, o.created_at, s.status,"
                                        + " (SELECT COALESCE(SUM(quantity), 0) FROM shipment_line WHERE shipment_id = s.id) AS units,"
                                        + " (SELECT COALESCE(SUM(picked), 0) FROM shipment_line WHERE shipment_id = s.id),"
                                        + " s.carrier, s.awb, s.carrier_message,"
                                        + " CASE WHEN o.pickup_store IS NULL"
                                        + " THEN o.ship_name || ', ' || o.ship_city || ' ' || o.ship_postal_code"
                                        + " ELSE 'Collect at ' || o.pickup_store END, s.updated_at",
                                location,
                                stage,
                                orderFilter,
                                " ORDER BY " + order + " OFFSET ?4 LIMIT ?5")
                        .setParameter(4, Math.max(0, first))
                        .setParameter(5, Math.max(1, Math.min(size, 200)))
                        .getResultList();
        List<Row> page = new ArrayList<>();
        for (Object[] r : rows) {
            page.add(
                    new Row(
                            ((Number) r[0]).longValue(),
                            (String) r[1],
                            InstantConverter.instantOf(r[2]),
                            (String) r[3],
                            ((Number) r[4]).intValue(),
                            ((Number) r[5]).intValue(),
                            (String) r[6],
                            (String) r[7],
                            (String) r[8],
                            (String) r[9],
                            InstantConverter.instantOf(r[10])));
        }
        return page;
    }

    public int count(String location, Stage stage, String orderFilter) {
        return ((Number)
                        where("SELECT count(*)", location, stage, orderFilter, "")
                                .getSingleResult())
                .intValue();
    }

    private jakarta.persistence.Query where(
            String select, String location, Stage stage, String orderFilter, String tail) {
        return em.createNativeQuery(
                        select
                                + " FROM shipment s JOIN customer_order o ON o.id = s.order_id"
                                + " JOIN location l ON l.id = s.location_id"
                                + (stage == Stage.COLLECTION
                                        ? " WHERE (l.code = ?1 OR o.pickup_store = ?1)"
                                        : " WHERE l.code = ?1")
                                + " AND s.status = ANY(CAST(?2 AS VARCHAR[]))"
                                + " AND (?3 = '' OR o.order_number ILIKE '%' || ?3 || '%')"
                                + tail)
                .setParameter(1, location)
                .setParameter(
                        2,
                        "{"
                                + String.join(
                                        ",", stage.statuses().stream().map(Enum::name).toList())
                                + "}")
                .setParameter(3, orderFilter == null ? "" : orderFilter.strip());
    }

    /** A line of the pick list: where to go, what to take, for which parcel. */
    public record PickLine(
            String category,
            String product,
            String colour,
            String size,
            String sku,
            int units,
            String orderNumber,
            long shipmentId) {}

    /** Everything still to pick at a location, sorted by category, product, colour and size. */
    public List<PickLine> pickList(String location) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT COALESCE(c.name, ''), ol.name, ol.colour, ol.size, ol.sku,"
                                        + " sl.quantity - sl.picked, o.order_number, s.id"
                                        + " FROM shipment_line sl JOIN shipment s ON s.id = sl.shipment_id"
                                        + " JOIN location l ON l.id = s.location_id"
                                        + " JOIN customer_order o ON o.id = s.order_id"
                                        + " JOIN order_line ol ON ol.id = sl.order_line_id"
                                        + " LEFT JOIN variant v ON v.sku = ol.sku"
                                        + " LEFT JOIN product p ON p.id = v.product_id"
                                        + " LEFT JOIN category c ON c.id = p.category_id"
                                        + " WHERE l.code = ?1 AND s.status IN ('TO_PICK', 'PICKING')"
                                        + " AND sl.picked < sl.quantity"
                                        + " ORDER BY 1, 2, 3, v.size_position NULLS LAST, 4, o.created_at LIMIT 2000")
                        .setParameter(1, location)
                        .getResultList();
        return rows.stream()
                .map(
                        r ->
                                new PickLine(
                                        (String) r[0],
                                        (String) r[1],
                                        (String) r[2],
                                        (String) r[3],
                                        (String) r[4],
                                        ((Number) r[5]).intValue(),
                                        (String) r[6],
                                        ((Number) r[7]).longValue()))
                .toList();
    }
}
