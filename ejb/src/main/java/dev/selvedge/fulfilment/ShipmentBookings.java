package dev.selvedge.fulfilment;

import dev.selvedge.customer.PostalAddress;
import dev.selvedge.ordering.CustomerOrder;
import dev.selvedge.shared.JsonObjects;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database's side of booking a parcel with its carrier, in short transactions of their own
 * around the call to the carrier (which holds no lock and no transaction open): claim, then record
 * the booking or the failure. A claim names how many tries the parcel has had, so that a request
 * delivered twice books once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ShipmentBookings {

    /** A parcel claimed for booking: with which carrier, and what to send it. */
    public record Claimed(long shipmentId, String carrier, ParcelRequest request, int tries) {}

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject private Carriers carriers;
    @jakarta.ejb.EJB private dev.selvedge.ordering.OrderMoves moves;
    @Inject private Clock clock;

    /** The message that asks for a booking (tries: the parcel's tries when it was sent). */
    public static String request(long shipmentId, int tries) {
        return JsonObjects.object()
                .add("eventId", UUID.randomUUID().toString())
                .add("type", "BOOK_SHIPMENT")
                .add("shipmentId", shipmentId)
                .add("tries", tries)
                .build()
                .toString();
    }

    /**
     * Claims the parcel when it waits for a booking and has had {@code tries} tries; empty when it
     * does not (booked already, cancelled, or this request is a repeat).
     */
    public Optional<Claimed> claim(long shipmentId, int tries) {
        Shipment s = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null
                || s.getBookingTries() != tries
                || !(s.getStatus() == ShipmentStatus.PACKED
                        || s.getStatus() == ShipmentStatus.BOOKING)) {
            return Optional.empty();
        }
        Carrier carrier =
                s.getCarrier() == null
                        ? carriers.forNewParcels()
                        : carriers.byId(s.getCarrier()).orElseGet(carriers::forNewParcels);
        s.booking(carrier.id(), clock.instant());
        return Optional.of(new Claimed(shipmentId, carrier.id(), parcel(s), s.getBookingTries()));
    }

    public void booked(long shipmentId, CarrierBooking booking, byte[] label, String labelProblem) {
        Shipment s = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (s != null && s.getStatus() == ShipmentStatus.CANCELLED && s.getAwb() == null) {
            // The order was cancelled while the carrier was booking it: no rider may come.
            s.bookedAfterCancel(booking);
            moves.handOff(OrderCancellation.cancelBooking(shipmentId));
            return;
        }
        if (s == null || !s.isBooking()) {
            return;
        }
        s.booked(booking, clock.instant());
        if (label.length > 0) {
            em.createNativeQuery(
                            "INSERT INTO shipment_label (shipment_id, pdf) VALUES (?1, ?2)"
                                    + " ON CONFLICT (shipment_id) DO UPDATE SET pdf = EXCLUDED.pdf, fetched_at = now()")
                    .setParameter(1, shipmentId)
                    .setParameter(2, label)
                    .executeUpdate();
        }
        if (labelProblem != null) {
            s.note("Label not fetched yet: " + labelProblem);
        }
    }

    /** Still booking: the carrier could not be reached and is tried again later. */
    public void retrying(long shipmentId, String message) {
        Shipment s = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (s != null && s.isBooking()) {
            s.note("Retrying: " + message);
        }
    }

    public void failed(long shipmentId, String message) {
        Shipment s = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (s != null && s.isBooking()) {
            s.bookingFailed(message, clock.instant());
        }
    }

    /** A booked parcel whose tracking is asked for. */
    public record OnTheWay(long shipmentId, String carrier, CarrierBooking booking) {}

    /** A cancelled parcel's booking, for the carrier to cancel; empty when it has none. */
    public Optional<OnTheWay> cancelledBooking(long shipmentId) {
        Shipment s = em.find(Shipment.class, shipmentId);
        if (s == null || s.getStatus() != ShipmentStatus.CANCELLED || s.getAwb() == null) {
            return Optional.empty();
        }
        return Optional.of(
                new OnTheWay(
                        shipmentId,
                        s.getCarrier(),
                        new CarrierBooking(
                                s.getAwb(),
                                s.getCarrierRef(),
                                s.getCourier(),
                                s.getTrackingUrl(),
                                s.getLabelUrl())));
    }

    /** What the carrier said when asked to cancel, kept on the parcel for staff. */
    public void noted(long shipmentId, String message) {
        Shipment s = em.find(Shipment.class, shipmentId);
        if (s != null) {
            s.note(message);
        }
    }

    /**
     * Up to {@code max} booked parcels not yet delivered whose tracking was last asked for more
     * than {@code seconds} ago (or never), marked as asked now. Own riders are not asked.
     */
    public List<OnTheWay> dueForTracking(int seconds, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "UPDATE shipment s SET polled_at = now() FROM ("
                                        + " SELECT id FROM shipment"
                                        + " WHERE status IN ('BOOKED', 'SHIPPED', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED')"
                                        + " AND awb IS NOT NULL AND carrier <> 'manual'"
                                        + " AND (polled_at IS NULL OR polled_at < now() - make_interval(secs => ?1))"
                                        + " ORDER BY polled_at NULLS FIRST LIMIT ?2 FOR UPDATE SKIP LOCKED) due"
                                        + " WHERE s.id = due.id"
                                        + " RETURNING s.id, s.carrier, s.awb, s.carrier_ref, s.courier, s.tracking_url, s.label_url")
                        .setParameter(1, seconds)
                        .setParameter(2, max)
                        .getResultList();
        return rows.stream()
                .map(
                        r ->
                                new OnTheWay(
                                        ((Number) r[0]).longValue(),
                                        (String) r[1],
                                        new CarrierBooking(
                                                (String) r[2],
                                                (String) r[3],
                                                (String) r[4],
                                                (String) r[5],
                                                (String) r[6])))
                .toList();
    }

    private ParcelRequest parcel(Shipment s) {
        CustomerOrder order = s.getOrder();
        List<Shipment> all =
                em.createNamedQuery("Shipment.ofOrder", Shipment.class)
                        .setParameter("number", order.getOrderNumber())
                        .getResultList();
        int number = 1 + all.stream().map(Shipment::getId).toList().indexOf(s.getId());
        Box box = Box.of(s.getBox()).orElse(Box.BOX_M);
        List<ParcelRequest.Item> items =
                s.getLines().stream()
                        .map(
                                l ->
                                        new ParcelRequest.Item(
                                                l.getOrderLine().getSku(),
                                                l.getOrderLine().getName(),
                                                l.getQuantity(),
                                                l.getOrderLine().getUnitMinor(),
                                                l.getOrderLine().getTaxRate()))
                        .toList();
        long value = items.stream().mapToLong(i -> i.unitMinor() * i.units()).sum();
        PostalAddress to = order.getShippingAddress();
        return new ParcelRequest(
                order.getOrderNumber() + "-" + number,
                order.getOrderNumber(),
                order.getCreatedAt(),
                carriers.pickupName(s.getLocation().getCode()),
                to,
                order.getEmail(),
                items,
                value,
                order.getCurrency(),
                "cod".equalsIgnoreCase(order.getPaymentMethod()),
                s.getWeightGrams(),
                box.lengthCm(),
                box.breadthCm(),
                box.heightCm());
    }
}
