package dev.selvedge.fulfilment;

import dev.selvedge.inventory.Location;
import dev.selvedge.ordering.CustomerOrder;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One parcel of an order, from one location. */
@Entity
@Table(name = "shipment")
@NamedQuery(
        name = "Shipment.ofOrder",
        query = "SELECT s FROM Shipment s WHERE s.order.orderNumber = :number ORDER BY s.id")
@NamedQuery(
        name = "Shipment.ofOrderId",
        query = "SELECT s FROM Shipment s WHERE s.order.id = :order ORDER BY s.id")
@NamedQuery(
        name = "Shipment.byAwb",
        query = "SELECT s FROM Shipment s WHERE s.carrier = :carrier AND s.awb = :awb")
public class Shipment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    private CustomerOrder order;

    @ManyToOne(optional = false)
    @JoinColumn(name = "location_id")
    private Location location;

    @Enumerated(EnumType.STRING)
    private ShipmentStatus status;

    private String carrier;
    private String awb;

    @Column(name = "carrier_ref")
    private String carrierRef;

    private String courier;

    @Column(name = "label_url")
    private String labelUrl;

    @Column(name = "booking_tries")
    private int bookingTries;

    @Column(name = "packed_by")
    private String packedBy;

    @Column(name = "booked_at")
    private Instant bookedAt;

    @Column(name = "shipped_at")
    private Instant shippedAt;

    @Column(name = "tracking_url")
    private String trackingUrl;

    @Column(name = "carrier_status")
    private String carrierStatus;

    @Column(name = "carrier_message")
    private String carrierMessage;

    @Column(name = "weight_grams")
    private Integer weightGrams;

    private String box;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @OneToMany(mappedBy = "shipment", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<ShipmentLine> lines = new ArrayList<>();

    protected Shipment() {}

    Shipment(CustomerOrder order, Location location, Instant now) {
        this.order = order;
        this.location = location;
        this.status = ShipmentStatus.TO_PICK;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void add(dev.selvedge.ordering.OrderLine line, int quantity) {
        lines.add(new ShipmentLine(this, line, quantity));
    }

    /**
     * One unit of a SKU found on the shelf and put in the parcel (picking starts with the first).
     * Refused when the parcel has no such unit left to pick.
     */
    ShipmentLine pick(String sku, Instant now) {
        require(ShipmentStatus.TO_PICK, ShipmentStatus.PICKING);
        ShipmentLine line =
                toPick(sku)
                        .orElseThrow(
                                () ->
                                        new FulfilmentRefused(
                                                lines.stream()
                                                                .anyMatch(
                                                                        l ->
                                                                                l.getOrderLine()
                                                                                        .getSku()
                                                                                        .equals(
                                                                                                sku))
                                                        ? "Every unit of "
                                                                + sku
                                                                + " is picked already"
                                                        : sku + " is not in this parcel"));
        line.pickOne();
        status = ShipmentStatus.PICKING;
        updatedAt = now;
        return line;
    }

    /**
     * The units of a SKU still to pick are not on the shelf: the parcel keeps what was picked (a
     * line with none picked leaves it; a parcel left with no line is cancelled). Answers the order
     * line and how many units are missing.
     */
    ShipmentLine notOnShelf(String sku, Instant now) {
        require(ShipmentStatus.TO_PICK, ShipmentStatus.PICKING);
        ShipmentLine line =
                toPick(sku)
                        .orElseThrow(
                                () ->
                                        new FulfilmentRefused(
                                                sku + " has no unit left to pick in this parcel"));
        updatedAt = now;
        return line;
    }

    /** The parcel's line of a SKU with units still to pick. */
    private java.util.Optional<ShipmentLine> toPick(String sku) {
        return lines.stream()
                .filter(l -> l.getOrderLine().getSku().equals(sku))
                .filter(l -> l.getPicked() < l.getQuantity())
                .findFirst();
    }

    /** A line left with no unit goes; answers whether the parcel has none left (cancelled). */
    boolean drop(ShipmentLine line, Instant now) {
        lines.remove(line);
        if (lines.isEmpty()) {
            status = ShipmentStatus.CANCELLED;
            note("Nothing left to send from here: its units were not on the shelf");
        }
        updatedAt = now;
        return lines.isEmpty();
    }

    /** Every unit picked, weighed and boxed: ready for the carrier. */
    void pack(int weightGrams, String box, String carrier, String staff, Instant now) {
        require(ShipmentStatus.PICKING);
        if (order.getPickupStore() != null) {
            throw new FulfilmentRefused(
                    "This order is collected at "
                            + order.getPickupStore()
                            + ": mark it ready for pickup (or send it to the store), not packed");
        }
        requireAllPicked("packing");
        if (weightGrams < 1 || weightGrams > 100_000) {
            throw new FulfilmentRefused("The weight is 1 to 100,000 grams");
        }
        this.weightGrams = weightGrams;
        this.box = box;
        this.carrier = carrier;
        this.packedBy = staff;
        status = ShipmentStatus.PACKED;
        updatedAt = now;
    }

    /**
     * A click and collect parcel, every unit picked: it waits at the pickup store for its shopper
     * (picked there, or arrived from another location).
     */
    void readyForPickup(Instant now) {
        require(ShipmentStatus.PICKING, ShipmentStatus.TO_STORE);
        requireAllPicked("it is ready");
        status = ShipmentStatus.READY_FOR_PICKUP;
        updatedAt = now;
    }

    /** A click and collect parcel picked away from its pickup store goes there. */
    void sendToStore(String staff, Instant now) {
        require(ShipmentStatus.PICKING);
        requireAllPicked("it is sent");
        packedBy = staff;
        shippedAt = now;
        status = ShipmentStatus.TO_STORE;
        updatedAt = now;
    }

    /** Its shopper took it. */
    void collected(Instant now) {
        require(ShipmentStatus.READY_FOR_PICKUP);
        status = ShipmentStatus.COLLECTED;
        updatedAt = now;
    }

    /** Nobody came within the hold: its units go back on the store's shelf. */
    void notCollected(Instant now) {
        require(ShipmentStatus.READY_FOR_PICKUP);
        status = ShipmentStatus.NOT_COLLECTED;
        updatedAt = now;
    }

    private void requireAllPicked(String what) {
        if (lines.stream().anyMatch(l -> l.getPicked() < l.getQuantity())) {
            throw new FulfilmentRefused(
                    "Pick every unit before "
                            + what
                            + ": "
                            + (units() - picked())
                            + " still to pick");
        }
    }

    /** A booking with {@code carrier} starts (again, after a failure). */
    void booking(String carrier, Instant now) {
        require(ShipmentStatus.PACKED, ShipmentStatus.BOOKING_FAILED, ShipmentStatus.BOOKING);
        this.carrier = carrier;
        this.carrierMessage = null;
        bookingTries++;
        status = ShipmentStatus.BOOKING;
        updatedAt = now;
    }

    boolean isBooking() {
        return status == ShipmentStatus.BOOKING;
    }

    void booked(CarrierBooking booking, Instant now) {
        require(ShipmentStatus.BOOKING);
        awb = booking.awb();
        carrierRef = booking.carrierReference();
        courier = booking.courier();
        trackingUrl = booking.trackingUrl();
        labelUrl = booking.labelUrl();
        bookedAt = now;
        status = ShipmentStatus.BOOKED;
        updatedAt = now;
    }

    /** The carrier refused, or stayed down after the last retry: staff see why and retry. */
    void bookingFailed(String message, Instant now) {
        require(ShipmentStatus.BOOKING);
        note(message);
        status = ShipmentStatus.BOOKING_FAILED;
        updatedAt = now;
    }

    /** Given to the carrier's rider. */
    void handOver(Instant now) {
        require(ShipmentStatus.BOOKED);
        status = ShipmentStatus.SHIPPED;
        shippedAt = now;
        updatedAt = now;
    }

    /**
     * A tracking step from the carrier. The parcel only moves forward: a repeat or a step older
     * than where it stands changes nothing. Answers whether it moved.
     */
    boolean tracked(TrackingUpdate.Step step, String carrierStatus, Instant now) {
        this.carrierStatus = carrierStatus;
        this.updatedAt = now;
        ShipmentStatus next =
                switch (step) {
                    case PICKED_UP, IN_TRANSIT -> ShipmentStatus.SHIPPED;
                    case OUT_FOR_DELIVERY -> ShipmentStatus.OUT_FOR_DELIVERY;
                    case DELIVERED -> ShipmentStatus.DELIVERED;
                    case DELIVERY_FAILED -> ShipmentStatus.DELIVERY_FAILED;
                    case RETURNED_TO_ORIGIN -> ShipmentStatus.RETURNED_TO_ORIGIN;
                    case BOOKED, CANCELLED, UNKNOWN -> null;
                };
        if (next == null || !ShipmentProgress.isAhead(next, status)) {
            return false;
        }
        if (status == ShipmentStatus.BOOKED && shippedAt == null) {
            shippedAt = now;
        }
        status = next;
        return true;
    }

    /**
     * The order was cancelled before this parcel left: it goes no further (its units are back on
     * hand, to be put back on the shelf). Answers whether the carrier holds a booking to cancel.
     */
    boolean cancel(Instant now) {
        if (status == ShipmentStatus.CANCELLED) {
            return false;
        }
        require(
                ShipmentStatus.TO_PICK,
                ShipmentStatus.PICKING,
                ShipmentStatus.PACKED,
                ShipmentStatus.BOOKING,
                ShipmentStatus.BOOKING_FAILED,
                ShipmentStatus.BOOKED);
        status = ShipmentStatus.CANCELLED;
        updatedAt = now;
        return awb != null && !"manual".equals(carrier);
    }

    /** The carrier's booking that arrived after the parcel was cancelled, kept to cancel it. */
    void bookedAfterCancel(CarrierBooking booking) {
        awb = booking.awb();
        carrierRef = booking.carrierReference();
        courier = booking.courier();
        note("Booked after the order was cancelled: the booking is being cancelled");
    }

    /** A word from the carrier or the shop about this parcel, for staff. */
    void note(String message) {
        carrierMessage =
                message == null ? null : message.substring(0, Math.min(500, message.length()));
    }

    /** Booking failed for good: staff asked for another try. */
    void bookAgain(Instant now) {
        require(ShipmentStatus.BOOKING_FAILED);
        status = ShipmentStatus.PACKED;
        updatedAt = now;
    }

    private void require(ShipmentStatus... allowed) {
        for (ShipmentStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new FulfilmentRefused("Parcel " + id + " is " + status + ": it cannot be done now");
    }

    private int picked() {
        return lines.stream().mapToInt(ShipmentLine::getPicked).sum();
    }

    public Long getId() {
        return id;
    }

    public CustomerOrder getOrder() {
        return order;
    }

    public Location getLocation() {
        return location;
    }

    public ShipmentStatus getStatus() {
        return status;
    }

    public String getCarrier() {
        return carrier;
    }

    public String getAwb() {
        return awb;
    }

    public String getTrackingUrl() {
        return trackingUrl;
    }

    public String getCarrierStatus() {
        return carrierStatus;
    }

    public String getCarrierMessage() {
        return carrierMessage;
    }

    public Integer getWeightGrams() {
        return weightGrams;
    }

    public String getBox() {
        return box;
    }

    public String getCarrierRef() {
        return carrierRef;
    }

    public String getCourier() {
        return courier;
    }

    public String getLabelUrl() {
        return labelUrl;
    }

    public int getBookingTries() {
        return bookingTries;
    }

    public Instant getShippedAt() {
        return shippedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<ShipmentLine> getLines() {
        return lines;
    }

    /** Units in the parcel. */
    public int units() {
        return lines.stream().mapToInt(ShipmentLine::getQuantity).sum();
    }
}
