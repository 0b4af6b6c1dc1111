package dev.selvedge.ordering;

import dev.selvedge.customer.PostalAddress;
import dev.selvedge.pricing.Quote;
import dev.selvedge.pricing.ShippingMethod;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order as the shopper placed it, with its state machine (see {@link OrderStatus}). */
@Entity
@Table(name = "customer_order")
@NamedQuery(
        name = "CustomerOrder.byNumber",
        query = "SELECT o FROM CustomerOrder o WHERE o.orderNumber = :number")
@NamedQuery(
        name = "CustomerOrder.ofShopper",
        query =
                "SELECT o FROM CustomerOrder o WHERE o.accountId = :account OR o.email = :email"
                        + " ORDER BY o.createdAt DESC, o.id DESC")
public class CustomerOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_number", nullable = false)
    private String orderNumber;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private String email;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "ship_name")
    private String shipName;

    @Column(name = "ship_line1")
    private String shipLine1;

    @Column(name = "ship_line2")
    private String shipLine2;

    @Column(name = "ship_city")
    private String shipCity;

    @Column(name = "ship_state")
    private String shipState;

    @Column(name = "ship_postal_code")
    private String shipPostalCode;

    @Column(name = "ship_country")
    private String shipCountry;

    @Column(name = "ship_phone")
    private String shipPhone;

    @Column(name = "shipping_method")
    private String shippingMethod;

    @Column(name = "pickup_store")
    private String pickupStore;

    @Column(name = "items_minor")
    private long itemsMinor;

    @Column(name = "discount_minor")
    private long discountMinor;

    @Column(name = "shipping_minor")
    private long shippingMinor;

    @Column(name = "tax_minor")
    private long taxMinor;

    @Column(name = "total_minor")
    private long totalMinor;

    private String currency;

    @Column(name = "payment_method")
    private String paymentMethod;

    @Column(name = "reservation_token")
    private String reservationToken;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    /** Click and collect: the code the shopper shows at the counter, once the order is ready. */
    @Column(name = "pickup_code")
    private String pickupCode;

    @Column(name = "ready_at")
    private Instant readyAt;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<OrderLine> lines = new ArrayList<>();

    protected CustomerOrder() {}

    CustomerOrder(
            String orderNumber,
            String email,
            Long accountId,
            PostalAddress ship,
            ShippingMethod method,
            String pickupStore,
            Quote quote,
            String paymentMethod,
            Instant now) {
        this.orderNumber = orderNumber;
        this.status = OrderStatus.PENDING_PAYMENT;
        this.email = email;
        this.accountId = accountId;
        this.shipName = ship.name();
        this.shipLine1 = ship.line1();
        this.shipLine2 = ship.line2();
        this.shipCity = ship.city();
        this.shipState = ship.state();
        this.shipPostalCode = ship.postalCode();
        this.shipCountry = ship.country();
        this.shipPhone = ship.phone();
        this.shippingMethod = method.code();
        this.pickupStore = pickupStore;
        this.itemsMinor = quote.itemsMinor();
        this.discountMinor = quote.discountMinor();
        this.shippingMinor = quote.shippingMinor();
        this.taxMinor = quote.taxIncludedMinor();
        this.totalMinor = quote.totalMinor();
        this.currency = quote.currency();
        this.paymentMethod = paymentMethod;
        this.createdAt = now;
        quote.lines().forEach(l -> lines.add(new OrderLine(this, l)));
    }

    void holdStock(String reservationToken) {
        this.reservationToken = reservationToken;
    }

    /** Paid (or to be paid on delivery): the order goes to the warehouse. */
    void confirm(Instant now) {
        requireStatus(OrderStatus.PENDING_PAYMENT);
        status = OrderStatus.CONFIRMED;
        confirmedAt = now;
    }

    /** The payment did not go through; the stock goes back. */
    void paymentFailed() {
        requireStatus(OrderStatus.PENDING_PAYMENT);
        status = OrderStatus.PAYMENT_FAILED;
    }

    /**
     * The provider confirmed a payment after the shop had given up on it (the shopper paid on the
     * provider's page after the hold ran out, say) and the stock could be held again.
     */
    void paidLate(Instant now) {
        requireStatus(OrderStatus.PAYMENT_FAILED);
        status = OrderStatus.CONFIRMED;
        confirmedAt = now;
    }

    /** Paid, but the stock is gone: cancelled, and the money goes back. */
    void cancelUnfulfillable() {
        if (status == OrderStatus.CONFIRMED) {
            throw new IllegalStateException("Order " + orderNumber + " is confirmed");
        }
        status = OrderStatus.CANCELLED;
    }

    /**
     * A move of the order's life after payment (see {@link OrderStatus#canGoTo}); one that makes no
     * sense is refused with both states.
     */
    void moveTo(OrderStatus next) {
        if (!status.canGoTo(next)) {
            throw new IllegalMove(orderNumber, status, next);
        }
        status = next;
    }

    /**
     * Every parcel waits at the pickup store: the shopper may come with this code from now on (the
     * first time only; a later call keeps the code the shopper was sent).
     */
    public void readyForPickup(String code, Instant now) {
        if (pickupCode == null) {
            pickupCode = code;
            readyAt = now;
        }
    }

    /** The shopper was reminded to collect. */
    public void reminded(Instant now) {
        remindedAt = now;
    }

    public String getPickupCode() {
        return pickupCode;
    }

    public Instant getReadyAt() {
        return readyAt;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    public boolean isPendingPayment() {
        return status == OrderStatus.PENDING_PAYMENT;
    }

    private void requireStatus(OrderStatus expected) {
        if (status != expected) {
            throw new IllegalStateException(
                    "Order " + orderNumber + " is " + status + ", not " + expected);
        }
    }

    public Long getId() {
        return id;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public String getEmail() {
        return email;
    }

    /** The shopper's account when it was signed in at checkout; null for a guest. */
    public Long getAccountId() {
        return accountId;
    }

    public long getTotalMinor() {
        return totalMinor;
    }

    public long getShippingMinor() {
        return shippingMinor;
    }

    public long getTaxMinor() {
        return taxMinor;
    }

    public long getItemsMinor() {
        return itemsMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public String getReservationToken() {
        return reservationToken;
    }

    /** Where it goes (for click and collect, the shopper's own address). */
    public PostalAddress getShippingAddress() {
        return new PostalAddress(
                shipName,
                shipLine1,
                shipLine2,
                shipCity,
                shipState,
                shipPostalCode,
                shipCountry,
                shipPhone);
    }

    public ShippingMethod getShippingMethod() {
        return ShippingMethod.of(shippingMethod).orElseThrow();
    }

    public String getPickupStore() {
        return pickupStore;
    }

    public long getDiscountMinor() {
        return discountMinor;
    }

    public List<OrderLine> getLines() {
        return lines;
    }
}
