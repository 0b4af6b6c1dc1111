package dev.selvedge.fulfilment;

import dev.selvedge.account.AccountService;
import dev.selvedge.customer.PostalAddress;
import dev.selvedge.inventory.InventoryService;
import dev.selvedge.ordering.CustomerOrder;
import dev.selvedge.ordering.OrderLinks;
import dev.selvedge.ordering.OrderStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Orders as their shopper reads them: "My orders" for an account, and one order's page, opened by
 * its owner's session or by the signed link of its emails (never by its number alone).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ShopperOrders {

    /** A row of "My orders". */
    public record Summary(
            String orderNumber,
            Instant placedAt,
            OrderStatus status,
            String statusLabel,
            int units,
            long totalMinor,
            String currency) {}

    public record Line(
            String sku, String name, String colour, String size, int quantity, long lineMinor) {}

    /** A move on the timeline as the shopper may see it: no staff names, no internal reasons. */
    public record Step(String to, Instant at) {}

    /**
     * A parcel as the shopper may see it: who carries it (the courier, else the carrier's name),
     * its tracking number and link, what is in it and the courier's steps; nothing of the
     * warehouse's own (location, box, weight, carrier errors).
     */
    public record Parcel(
            String status,
            String carriedBy,
            String awb,
            String trackingUrl,
            List<ParcelView.Line> lines,
            List<ParcelView.Step> tracking) {}

    /** A click and collect order waiting at its store: the code to show, and until when. */
    public record Pickup(String code, Instant collectBy) {}

    /** Everything the order's page and the API show. */
    public record OrderView(
            String orderNumber,
            Instant placedAt,
            OrderStatus status,
            String statusLabel,
            String email,
            PostalAddress address,
            String delivery,
            boolean clickAndCollect,
            String pickupStore,
            boolean payOnDelivery,
            boolean paid,
            Pickup pickup,
            long itemsMinor,
            long discountMinor,
            long shippingMinor,
            long taxMinor,
            long totalMinor,
            String currency,
            List<Line> lines,
            List<Parcel> parcels,
            List<Step> timeline,
            boolean cancellable) {}

    /** Parcel states before a parcel leaves the shop. */
    private static final java.util.Set<String> AT_THE_SHOP =
            java.util.Set.of(
                    "TO_PICK",
                    "PICKING",
                    "PACKED",
                    "BOOKING",
                    "BOOKING_FAILED",
                    "BOOKED",
                    "CANCELLED");

    /** A parcel's state in the shopper's words (the warehouse's steps are one to them). */
    private static String shopperStatus(String status) {
        return switch (status) {
            case "TO_PICK", "PICKING", "PACKED", "BOOKING", "BOOKING_FAILED" -> "Being packed";
            case "BOOKED" -> "Packed, waiting for the courier";
            case "SHIPPED" -> "With the courier";
            case "OUT_FOR_DELIVERY" -> "Out for delivery";
            case "DELIVERED" -> "Delivered";
            case "DELIVERY_FAILED" -> "Delivery attempt failed";
            case "RETURNED_TO_ORIGIN" -> "Returned to us";
            case "TO_STORE" -> "On its way to the store";
            case "READY_FOR_PICKUP" -> "Ready to collect";
            case "COLLECTED" -> "Collected";
            case "NOT_COLLECTED" -> "Not collected";
            case "CANCELLED" -> "Cancelled";
            default -> status;
        };
    }

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB private AccountService accounts;
    @EJB private InventoryService inventory;
    @EJB private FulfilmentService fulfilment;
    @Inject private OrderTimeline timelines;
    @Inject private OrderLinks links;
    @Inject private Carriers carriers;

    /** The order behind a signed link; empty when the token does not open this order. */
    public Optional<OrderView> byLink(String orderNumber, String token) {
        if (!links.opens(orderNumber, token)) {
            return Optional.empty();
        }
        return order(orderNumber).map(this::view);
    }

    /** The order when it belongs to this signed-in shopper (placed by the account or its email). */
    public Optional<OrderView> ofAccount(String orderNumber, String email) {
        return order(orderNumber).filter(o -> owns(email, o)).map(this::view);
    }

    /**
     * The order without any check of who asks: for the shop's own messages to its shopper, never
     * for a page or the API.
     */
    public Optional<OrderView> unchecked(String orderNumber) {
        return order(orderNumber).map(this::view);
    }

    /** The account's orders, newest first, a page of {@code size} at a time. */
    public List<Summary> listOf(String email, int page, int size) {
        Long accountId = accounts.find(email).map(a -> a.getId()).orElse(-1L);
        return em.createNamedQuery("CustomerOrder.ofShopper", CustomerOrder.class)
                .setParameter("account", accountId)
                .setParameter("email", email)
                .setFirstResult(Math.max(0, page) * size)
                .setMaxResults(size)
                .getResultStream()
                .map(
                        o ->
                                new Summary(
                                        o.getOrderNumber(),
                                        o.getCreatedAt(),
                                        o.getStatus(),
                                        o.getStatus().label(),
                                        o.getLines().stream().mapToInt(l -> l.getQuantity()).sum(),
                                        o.getTotalMinor(),
                                        o.getCurrency()))
                .toList();
    }

    /** The link to an order's page that emails carry. */
    public String link(String orderNumber) {
        return links.url(orderNumber);
    }

    /** The token of an order's link (the API and pages check it through {@link #byLink}). */
    public String token(String orderNumber) {
        return links.token(orderNumber);
    }

    private boolean owns(String email, CustomerOrder order) {
        if (email == null) {
            return false;
        }
        if (email.equals(order.getEmail())) {
            return true;
        }
        return order.getAccountId() != null
                && accounts.find(email)
                        .map(a -> a.getId().equals(order.getAccountId()))
                        .orElse(false);
    }

    private Optional<CustomerOrder> order(String number) {
        if (number == null || number.length() > 40) {
            return Optional.empty();
        }
        return em.createNamedQuery("CustomerOrder.byNumber", CustomerOrder.class)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }

    /** Whether the order's money is in: an approved payment (cash on delivery once taken). */
    private boolean paid(CustomerOrder o) {
        return !em.createNativeQuery(
                        "SELECT 1 FROM payment_attempt WHERE order_id = ?1 AND status = 'APPROVED' LIMIT 1")
                .setParameter(1, o.getId())
                .getResultList()
                .isEmpty();
    }

    private OrderView view(CustomerOrder o) {
        String store = o.getPickupStore();
        java.util.Optional<dev.selvedge.inventory.Location> at =
                store == null ? java.util.Optional.empty() : inventory.location(store);
        Pickup pickup =
                o.getStatus() == OrderStatus.READY_FOR_PICKUP && o.getPickupCode() != null
                        ? new Pickup(
                                o.getPickupCode(),
                                o.getReadyAt()
                                        .plus(
                                                java.time.Duration.ofDays(
                                                        at.map(l -> l.getPickupHoldDays())
                                                                .orElse(7))))
                        : null;
        List<ParcelView> views = fulfilment.parcels(o.getOrderNumber());
        List<Parcel> parcels =
                views.stream()
                        .map(
                                p ->
                                        new Parcel(
                                                shopperStatus(p.status()),
                                                p.courier() != null
                                                        ? p.courier()
                                                        : carriers.byId(String.valueOf(p.carrier()))
                                                                .map(Carrier::label)
                                                                .orElse(null),
                                                p.awb(),
                                                p.trackingUrl(),
                                                p.lines(),
                                                p.tracking()))
                        .toList();
        // Nothing can be cancelled once a parcel has left (the order follows its least advanced).
        boolean left = views.stream().anyMatch(p -> !AT_THE_SHOP.contains(p.status()));
        return new OrderView(
                o.getOrderNumber(),
                o.getCreatedAt(),
                o.getStatus(),
                o.getStatus().label(),
                o.getEmail(),
                o.getShippingAddress(),
                o.getShippingMethod().label(),
                store != null,
                store == null ? null : at.map(l -> l.getName()).orElse(store),
                "cod".equals(o.getPaymentMethod()),
                paid(o),
                pickup,
                o.getItemsMinor(),
                o.getDiscountMinor(),
                o.getShippingMinor(),
                o.getTaxMinor(),
                o.getTotalMinor(),
                o.getCurrency(),
                o.getLines().stream()
                        .map(
                                l ->
                                        new Line(
                                                l.getSku(),
                                                l.getName(),
                                                l.getColour(),
                                                l.getSize(),
                                                l.getQuantity(),
                                                l.getLineMinor()))
                        .toList(),
                parcels,
                timelines.of(o.getOrderNumber()).stream()
                        .map(e -> new Step(e.to(), e.at()))
                        .toList(),
                o.getStatus().cancellable() && !left);
    }
}
