package dev.selvedge.fulfilment;

import dev.selvedge.catalog.CatalogService;
import dev.selvedge.inventory.InventoryService;
import dev.selvedge.inventory.Location;
import dev.selvedge.inventory.Reservation;
import dev.selvedge.inventory.ReservationService;
import dev.selvedge.ordering.CustomerOrder;
import dev.selvedge.ordering.OrderActor;
import dev.selvedge.ordering.OrderLine;
import dev.selvedge.ordering.OrderMoves;
import dev.selvedge.ordering.OrderStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An order's way from confirmed to its parcels: allocation (which location sends what) first. Each
 * use case runs in a transaction of its own, so that the consumer that calls it can park a message
 * whose work failed and still take it off the queue.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FulfilmentService {

    /** What became of a fulfilment request. */
    public enum Allocation {
        ALLOCATED,
        /** This message was handled before (the relay sends at least once). */
        REPEAT,
        /** The order moved on meanwhile (cancelled, or allocated by an earlier request). */
        NOT_NEEDED
    }

    private static final String CONSUMER = "fulfilment";

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB private OrderMoves moves;
    @EJB private ReservationService reservations;
    @EJB private InventoryService inventory;
    @EJB private CatalogService catalog;
    @Inject private Carriers carriers;
    @EJB private dev.selvedge.account.StaffDirectory directory;
    @Inject private Clock clock;

    /**
     * Allocates a confirmed order: one parcel per location its units left stock at. An order whose
     * units are not all held somewhere (a till sold them and no other location had them) stays
     * CONFIRMED and the request is a {@link FulfilmentProblem} for staff.
     */
    public Allocation allocate(UUID eventId, String orderNumber) {
        if (!MessagesSeen.first(em, CONSUMER, eventId)) {
            return Allocation.REPEAT;
        }
        CustomerOrder order =
                moves.lock(orderNumber)
                        .orElseThrow(
                                () -> new FulfilmentProblem("There is no order " + orderNumber));
        if (order.getStatus() != OrderStatus.CONFIRMED) {
            return Allocation.NOT_NEEDED;
        }
        Reservation held =
                reservations
                        .byToken(Objects.requireNonNull(order.getReservationToken()))
                        .orElseThrow(
                                () ->
                                        new FulfilmentProblem(
                                                "Order " + orderNumber + " holds no stock"));
        ParcelPlan plan =
                ParcelPlan.of(
                        order.getLines().stream()
                                .map(
                                        l ->
                                                new ParcelPlan.Wanted(
                                                        l.getId(), l.getSku(), l.getQuantity()))
                                .toList(),
                        held.lines().stream()
                                .filter(l -> l.status().equals("HELD"))
                                .map(l -> new ParcelPlan.Held(l.sku(), l.location(), l.quantity()))
                                .toList());
        plan.problem()
                .ifPresent(
                        p -> {
                            throw new FulfilmentProblem("Order " + orderNumber + ": " + p);
                        });
        Map<Long, OrderLine> lines =
                order.getLines().stream()
                        .collect(Collectors.toMap(OrderLine::getId, Function.identity()));
        StringBuilder said = new StringBuilder();
        for (Map.Entry<String, List<ParcelPlan.Part>> parcel : plan.parcels().entrySet()) {
            Location from =
                    inventory
                            .location(parcel.getKey())
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "No location " + parcel.getKey()));
            Shipment shipment = new Shipment(order, from, clock.instant());
            parcel.getValue().forEach(p -> shipment.add(lines.get(p.orderLineId()), p.quantity()));
            em.persist(shipment);
            said.append(said.length() == 0 ? "" : ", ")
                    .append(from.getCode())
                    .append(" (")
                    .append(shipment.units())
                    .append(shipment.units() == 1 ? " unit)" : " units)");
        }
        int count = plan.parcels().size();
        moves.move(
                order,
                OrderStatus.ALLOCATED,
                OrderActor.system(
                        CONSUMER, (count == 1 ? "1 parcel: " : count + " parcels: ") + said));
        return Allocation.ALLOCATED;
    }

    /** One unit picked: the parcel's SKU, and how many of its units are in the parcel now. */
    public record Picked(String sku, int picked, int quantity, boolean parcelComplete) {}

    /**
     * A packer scans (or types) a unit's barcode or SKU: one unit of it is in the parcel. The first
     * unit starts picking, for the parcel and its order.
     */
    public Picked pick(long shipmentId, String code, String staff) {
        String sku =
                catalog.skuOf(code)
                        .orElseThrow(() -> new FulfilmentRefused("No SKU or barcode " + code));
        Shipment s = lockShipment(shipmentId);
        mayWork(staff, s.getLocation().getCode());
        ShipmentLine line = s.pick(sku, clock.instant());
        follow(s.getOrder(), OrderActor.staff(staff, null));
        boolean complete = s.getLines().stream().allMatch(l -> l.getPicked() == l.getQuantity());
        return new Picked(sku, line.getPicked(), line.getQuantity(), complete);
    }

    /**
     * Every unit picked, weighed and boxed: the parcel is packed and its booking with the carrier
     * (the one chosen, or the shop's default when none is) is asked for, through the outbox, in
     * this same transaction.
     */
    public void pack(long shipmentId, int weightGrams, String box, String carrier, String staff) {
        Box chosen = Box.of(box).orElseThrow(() -> new FulfilmentRefused("No box " + box));
        Carrier with =
                carrier == null || carrier.isBlank()
                        ? carriers.forNewParcels()
                        : carriers.byId(carrier)
                                .filter(Carrier::enabled)
                                .orElseThrow(
                                        () ->
                                                new FulfilmentRefused(
                                                        "No carrier " + carrier + " is on"));
        Shipment s = lockShipment(shipmentId);
        mayWork(staff, s.getLocation().getCode());
        s.pack(weightGrams, chosen.name(), with.id(), staff, clock.instant());
        moves.handOff(ShipmentBookings.request(shipmentId, s.getBookingTries()));
        follow(s.getOrder(), OrderActor.staff(staff, null));
    }

    /** The booking failed for good; staff mended the cause and ask for another try. */
    public void bookAgain(long shipmentId, String staff) {
        Shipment s = lockShipment(shipmentId);
        mayWork(staff, s.getLocation().getCode());
        s.bookAgain(clock.instant());
        moves.handOff(ShipmentBookings.request(shipmentId, s.getBookingTries()));
    }

    /** The carrier's rider took the booked parcel. */
    public void handOver(long shipmentId, String staff) {
        Shipment s = lockShipment(shipmentId);
        mayWork(staff, s.getLocation().getCode());
        s.handOver(clock.instant());
        follow(s.getOrder(), OrderActor.staff(staff, "handed to " + s.getCourier()));
    }

    /**
     * A click and collect parcel, every unit picked: at its pickup store it is ready for the
     * shopper; at another location it is sent to that store (and is ready when the store receives
     * it). Answers the parcel's new status.
     */
    public ShipmentStatus readyForPickup(long shipmentId, String staff) {
        Shipment s = lockShipment(shipmentId);
        mayWork(staff, s.getLocation().getCode());
        CustomerOrder order = s.getOrder();
        String store = order.getPickupStore();
        if (store == null) {
            throw new FulfilmentRefused(
                    "Order " + order.getOrderNumber() + " is delivered, not collected: pack it");
        }
        if (s.getLocation().getCode().equals(store)) {
            s.readyForPickup(clock.instant());
        } else {
            s.sendToStore(staff, clock.instant());
        }
        settle(order, OrderActor.staff(staff, null));
        return s.getStatus();
    }

    /** A click and collect parcel sent from another location arrived at its pickup store. */
    public void receivedAtStore(long shipmentId, String staff) {
        Shipment s = lockShipment(shipmentId);
        mayWork(staff, s.getOrder().getPickupStore());
        if (s.getStatus() != ShipmentStatus.TO_STORE) {
            throw new FulfilmentRefused(
                    "Parcel "
                            + shipmentId
                            + " is "
                            + s.getStatus()
                            + ", not on its way to a store");
        }
        s.readyForPickup(clock.instant());
        settle(
                s.getOrder(),
                OrderActor.staff(staff, "received at " + s.getOrder().getPickupStore()));
    }

    /**
     * The shopper came for a click and collect order and showed its code: every parcel is handed
     * over and the order is COLLECTED (and paid, when it was to be paid at collection). A wrong
     * code changes nothing.
     */
    public void collect(String orderNumber, String code, String staff) {
        List<Shipment> parcels = lockParcels(orderNumber);
        CustomerOrder order =
                moves.lock(orderNumber)
                        .orElseThrow(
                                () -> new FulfilmentRefused("There is no order " + orderNumber));
        mayWork(staff, order.getPickupStore());
        if (order.getStatus() != OrderStatus.READY_FOR_PICKUP) {
            throw new FulfilmentRefused(
                    "Order "
                            + orderNumber
                            + " is "
                            + order.getStatus().label().toLowerCase()
                            + ", not waiting to be collected");
        }
        String expected = order.getPickupCode();
        String given = code == null ? "" : code.strip();
        if (expected == null
                || !java.security.MessageDigest.isEqual(
                        expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        given.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new FulfilmentRefused(
                    "That is not the pickup code of order "
                            + orderNumber
                            + ": ask for the one in the shopper's email or text");
        }
        for (Shipment p : parcels) {
            if (p.getStatus() == ShipmentStatus.READY_FOR_PICKUP) {
                p.collected(clock.instant());
            }
        }
        settle(order, OrderActor.staff(staff, "pickup code checked"));
    }

    /**
     * An order's parcels, locked (parcels before their order, as every move takes them), in the
     * caller's transaction: they are changed there.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<Shipment> lockParcels(String orderNumber) {
        // By the order's id, not through the order: a query that joins customer_order would lock
        // the order's row too (FOR UPDATE locks every table it joins), before the parcels.
        List<Long> order =
                em.createQuery(
                                "SELECT o.id FROM CustomerOrder o WHERE o.orderNumber = :number",
                                Long.class)
                        .setParameter("number", orderNumber)
                        .getResultList();
        if (order.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("Shipment.ofOrderId", Shipment.class)
                .setParameter("order", order.get(0))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /**
     * The order follows its parcels; what that brings with it: the pickup code when it becomes
     * ready to collect, and the cash taken when a cash-on-delivery order is delivered or collected.
     */
    private void settle(CustomerOrder order, OrderActor actor) {
        follow(order, actor);
        switch (order.getStatus()) {
            case READY_FOR_PICKUP -> order.readyForPickup(PickupCodes.next(), clock.instant());
            case DELIVERED ->
                    CashOnDeliveryPaid.record(em, order, "Paid to the courier on delivery");
            case COLLECTED ->
                    CashOnDeliveryPaid.record(em, order, "Paid at the store on collection");
            default -> {}
        }
    }

    /**
     * A packer finds no more units of a SKU on the shelf: the parcel keeps what was picked, the
     * sale leaves this location (the ledger keeps its figure true), and the missing units are
     * handed to the fulfilment queue to be sold and sent from another location. Answers how many
     * units are missing.
     */
    public Reallocated notOnShelf(long shipmentId, String code, String staff) {
        String sku =
                catalog.skuOf(code)
                        .orElseThrow(() -> new FulfilmentRefused("No SKU or barcode " + code));
        Shipment s = lockShipment(shipmentId);
        String location = s.getLocation().getCode();
        mayWork(staff, location);
        ShipmentLine line = s.notOnShelf(sku, clock.instant());
        int missing = line.getQuantity() - line.getPicked();
        OrderLine orderLine = line.getOrderLine();
        if (line.getPicked() == 0) {
            s.drop(line, clock.instant());
            em.remove(line);
        } else {
            line.keepPicked();
        }
        CustomerOrder order = s.getOrder();
        reservations.notOnShelf(
                order.getReservationToken(), order.getOrderNumber(), sku, location, missing, staff);
        // Sold again elsewhere at once, in this transaction, into a parcel of its own there (no
        // other parcel is touched, so no other lock is taken): the order never looks complete
        // without these units.
        Optional<String> at =
                reservations.sellElsewhere(
                        order.getReservationToken(),
                        order.getOrderNumber(),
                        sku,
                        missing,
                        location,
                        order.getPickupStore(),
                        staff);
        if (at.isPresent()) {
            newParcel(order, at.get(), orderLine, missing);
        } else {
            // Nobody has them now: the queue tries again and parks the order for staff.
            moves.handOff(
                    dev.selvedge.shared.JsonObjects.object()
                            .add("eventId", UUID.randomUUID().toString())
                            .add("type", "REALLOCATE")
                            .add("orderNumber", order.getOrderNumber())
                            .add("sku", sku)
                            .add("units", missing)
                            .add("from", location)
                            .build()
                            .toString());
        }
        settle(order, OrderActor.staff(staff, sku + " not on the shelf at " + location));
        return new Reallocated(missing, at.orElse(null));
    }

    /** A parcel of its own at a location for units sold there again (no other parcel touched). */
    private void newParcel(CustomerOrder order, String location, OrderLine line, int units) {
        Shipment parcel =
                new Shipment(
                        order,
                        inventory
                                .location(location)
                                .orElseThrow(
                                        () -> new IllegalStateException("No location " + location)),
                        clock.instant());
        parcel.add(line, units);
        em.persist(parcel);
    }

    /** Units not on the shelf, and the location that sends them now (null: none had them). */
    public record Reallocated(int units, String to) {}

    /**
     * Sends units that were not on the shelf from another location that has them: sold there (the
     * ledger records it), into the order's parcel to pick there (a new one unless one waits). When
     * no location has them the request is a {@link FulfilmentProblem}: parked for staff, who cancel
     * the order or replay it once stock arrives.
     */
    public void reallocate(UUID eventId, String orderNumber, String sku, int units, String from) {
        if (!MessagesSeen.first(em, "reallocate", eventId)) {
            return;
        }
        lockParcels(orderNumber); // Parcels before the order, as every move takes them.
        CustomerOrder order =
                moves.lock(orderNumber)
                        .orElseThrow(
                                () -> new FulfilmentProblem("There is no order " + orderNumber));
        if (order.getStatus() == OrderStatus.CANCELLED) {
            return; // Cancelled meanwhile: nothing to send.
        }
        String at =
                reservations
                        .sellElsewhere(
                                order.getReservationToken(),
                                orderNumber,
                                sku,
                                units,
                                from,
                                order.getPickupStore(),
                                CONSUMER)
                        .orElseThrow(
                                () ->
                                        new FulfilmentProblem(
                                                "Order "
                                                        + orderNumber
                                                        + ": "
                                                        + units
                                                        + " × "
                                                        + sku
                                                        + " not on the shelf at "
                                                        + from
                                                        + ", and no other location has them."
                                                        + " Cancel the order (the shopper is refunded),"
                                                        + " or replay this message when stock arrives"));
        OrderLine orderLine =
                order.getLines().stream()
                        .filter(l -> l.getSku().equals(sku))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new FulfilmentProblem(
                                                "Order " + orderNumber + " has no " + sku));
        newParcel(order, at, orderLine, units);
        settle(order, OrderActor.system(CONSUMER, units + " × " + sku + " re-allocated to " + at));
    }

    /** What tracking reports did to parcels. */
    public record Tracked(int applied, int repeats, List<String> unknownAwbs) {}

    /**
     * Tracking reports from a carrier (webhook or poll). Each is kept once per parcel, status and
     * time; a parcel moves only forward, so repeats and late reports change nothing. Reports for an
     * AWB the shop does not know are answered in {@code unknownAwbs} and change nothing.
     */
    public Tracked tracked(String carrier, List<TrackingUpdate> updates) {
        int applied = 0;
        int repeats = 0;
        List<String> unknown = new ArrayList<>();
        for (TrackingUpdate u : updates) {
            List<Shipment> found =
                    em.createNamedQuery("Shipment.byAwb", Shipment.class)
                            .setParameter("carrier", carrier)
                            .setParameter("awb", u.awb())
                            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                            .getResultList();
            if (found.isEmpty()) {
                unknown.add(u.awb());
                continue;
            }
            Shipment s = lockShipment(found.get(0).getId());
            int kept =
                    em.createNativeQuery(
                                    "INSERT INTO shipment_tracking (shipment_id, carrier_status, step, at, place, remark)"
                                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING")
                            .setParameter(1, s.getId())
                            .setParameter(2, clip(u.carrierStatus(), 80))
                            .setParameter(3, u.step().name())
                            .setParameter(4, java.sql.Timestamp.from(u.at()))
                            .setParameter(5, clip(u.place(), 120))
                            .setParameter(6, clip(u.remark(), 300))
                            .executeUpdate();
            if (kept == 0) {
                repeats++;
                continue;
            }
            applied++;
            if (s.tracked(u.step(), clip(u.carrierStatus(), 80), clock.instant())) {
                settle(
                        s.getOrder(),
                        new OrderActor(OrderActor.Kind.CARRIER, carrier, u.carrierStatus()));
            }
        }
        return new Tracked(applied, repeats, unknown);
    }

    private static String clip(String text, int max) {
        return text == null ? null : dev.selvedge.shared.StorableText.of(text, max);
    }

    /** Refused unless this member of staff works at the location (checked on every action). */
    private void mayWork(String staff, String location) {
        if (!directory.scope(staff).worksAt(location)) {
            throw new FulfilmentRefused(
                    "You do not work at " + location + ": this is for its own staff to do");
        }
    }

    private Shipment lockShipment(long id) {
        Shipment s = em.find(Shipment.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw new FulfilmentRefused("There is no parcel " + id);
        }
        // The order's row next, as every move of an order takes it (the parcel first, always).
        moves.lock(s.getOrder().getOrderNumber());
        return s;
    }

    /**
     * Moves the order to where its parcels are, one allowed step at a time (each on the timeline);
     * never backwards.
     */
    private void follow(CustomerOrder order, OrderActor actor) {
        List<ShipmentStatus> parcels =
                shipments(order.getOrderNumber()).stream().map(Shipment::getStatus).toList();
        OrderStatus target = ShipmentProgress.orderStatus(parcels).orElse(null);
        for (int guard = 0; target != null && order.getStatus() != target && guard < 6; guard++) {
            OrderStatus now = order.getStatus();
            if (now.canGoTo(target)) {
                moves.move(order, target, actor);
            } else {
                OrderStatus step = ShipmentProgress.nextStep(now, target).orElse(null);
                if (step == null) {
                    return; // Not a way forward (it would go back): stays where it is.
                }
                moves.move(order, step, actor);
            }
        }
    }

    /** A parcel's packing slip as PDF. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public byte[] packingSlip(long shipmentId) {
        Shipment s = em.find(Shipment.class, shipmentId);
        if (s == null) {
            throw new FulfilmentRefused("There is no parcel " + shipmentId);
        }
        List<Long> ids =
                shipments(s.getOrder().getOrderNumber()).stream().map(Shipment::getId).toList();
        return PackingSlips.of(s, ids.indexOf(shipmentId) + 1, ids.size());
    }

    /**
     * A booked parcel's label as PDF: the copy fetched at booking, or fetched from the carrier now
     * (and kept) when that failed. Empty when its carrier gives none (own riders: print the slip).
     */
    public java.util.Optional<byte[]> label(long shipmentId) {
        @SuppressWarnings("unchecked")
        List<byte[]> kept =
                em.createNativeQuery("SELECT pdf FROM shipment_label WHERE shipment_id = ?1")
                        .setParameter(1, shipmentId)
                        .getResultList();
        if (!kept.isEmpty()) {
            return java.util.Optional.of(kept.get(0));
        }
        Shipment s = em.find(Shipment.class, shipmentId);
        if (s == null || s.getAwb() == null || s.getLabelUrl() == null) {
            return java.util.Optional.empty();
        }
        Carrier carrier =
                carriers.byId(s.getCarrier())
                        .orElseThrow(() -> new FulfilmentRefused("No carrier " + s.getCarrier()));
        byte[] pdf =
                carrier.labelPdf(
                        new CarrierBooking(
                                s.getAwb(),
                                s.getCarrierRef(),
                                s.getCourier(),
                                s.getTrackingUrl(),
                                s.getLabelUrl()));
        em.createNativeQuery(
                        "INSERT INTO shipment_label (shipment_id, pdf) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, shipmentId)
                .setParameter(2, pdf)
                .executeUpdate();
        return java.util.Optional.of(pdf);
    }

    /** A parcel with its lines and tracking; empty when there is none by that id. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Optional<ParcelView> parcel(long shipmentId) {
        Shipment s = em.find(Shipment.class, shipmentId);
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(view(s));
    }

    /** An order's parcels with their lines and tracking, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ParcelView> parcels(String orderNumber) {
        return shipments(orderNumber).stream().map(this::view).toList();
    }

    private ParcelView view(Shipment s) {
        List<Long> ids =
                shipments(s.getOrder().getOrderNumber()).stream().map(Shipment::getId).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> steps =
                em.createNativeQuery(
                                "SELECT at, carrier_status, step, place, remark FROM shipment_tracking"
                                        + " WHERE shipment_id = ?1 ORDER BY at, id")
                        .setParameter(1, s.getId())
                        .getResultList();
        boolean label =
                !em.createNativeQuery("SELECT 1 FROM shipment_label WHERE shipment_id = ?1")
                                .setParameter(1, s.getId())
                                .getResultList()
                                .isEmpty()
                        || s.getLabelUrl() != null;
        return new ParcelView(
                s.getId(),
                s.getOrder().getOrderNumber() + "-" + (ids.indexOf(s.getId()) + 1),
                s.getOrder().getOrderNumber(),
                s.getLocation().getCode(),
                s.getOrder().getPickupStore(),
                s.getStatus().name(),
                s.getCarrier(),
                s.getCourier(),
                s.getAwb(),
                s.getTrackingUrl(),
                s.getCarrierMessage(),
                s.getWeightGrams(),
                s.getBox(),
                label,
                s.getLines().stream()
                        .map(
                                l ->
                                        new ParcelView.Line(
                                                l.getOrderLine().getSku(),
                                                l.getOrderLine().getName(),
                                                l.getOrderLine().getColour(),
                                                l.getOrderLine().getSize(),
                                                l.getQuantity(),
                                                l.getPicked()))
                        .toList(),
                steps.stream()
                        .map(
                                r ->
                                        new ParcelView.Step(
                                                dev.selvedge.shared.InstantConverter.instantOf(
                                                        r[0]),
                                                (String) r[1],
                                                (String) r[2],
                                                (String) r[3],
                                                (String) r[4]))
                        .toList());
    }

    /** An order's parcels, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Shipment> shipments(String orderNumber) {
        return em.createNamedQuery("Shipment.ofOrder", Shipment.class)
                .setParameter("number", orderNumber)
                .getResultList();
    }
}
