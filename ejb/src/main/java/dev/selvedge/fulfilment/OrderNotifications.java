package dev.selvedge.fulfilment;

import dev.selvedge.customer.PostalAddress;
import dev.selvedge.notification.Notifier;
import dev.selvedge.ordering.OrderStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tells the shopper when the order moves (from the {@code jms/orders/status} topic): confirmed,
 * shipped with its tracking, out for delivery, delivered, ready to collect, cancelled with the
 * refund, not delivered. Every channel that reaches the shopper gets its message, queued in the
 * transaction that records the event as seen, so a repeat sends nothing.
 */
@Stateless
public class OrderNotifications {

    static final String CONSUMER = "notifications";

    /** The moves a shopper hears about (each has its templates under notifications/). */
    static final Set<OrderStatus> TOLD =
            Set.of(
                    OrderStatus.CONFIRMED,
                    OrderStatus.SHIPPED,
                    OrderStatus.OUT_FOR_DELIVERY,
                    OrderStatus.DELIVERED,
                    OrderStatus.DELIVERY_FAILED,
                    OrderStatus.READY_FOR_PICKUP,
                    OrderStatus.CANCELLED,
                    OrderStatus.NOT_COLLECTED);

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB private ShopperOrders orders;
    @EJB private OrderRefunds refunds;
    @Inject @Any private Instance<Notifier> notifiers;

    /** An order moved (once per event id; a repeat does nothing). */
    public void moved(
            UUID eventId, String orderNumber, OrderStatus from, OrderStatus to, String reason) {
        if (!TOLD.contains(to) || !MessagesSeen.first(em, CONSUMER, eventId)) {
            return;
        }
        ShopperOrders.OrderView order =
                orders.unchecked(orderNumber)
                        .orElseThrow(
                                () ->
                                        new FulfilmentProblem(
                                                "No order " + orderNumber + " to tell"));
        if (to == OrderStatus.CANCELLED
                && order.timeline().stream().noneMatch(e -> "CONFIRMED".equals(e.to()))) {
            return; // A checkout that never got paid: nothing was promised.
        }
        Map<String, Object> values = values(order, reason);
        if (to == OrderStatus.CANCELLED || to == OrderStatus.NOT_COLLECTED) {
            values.put("refund", refundText(order));
        }
        send(order, to.name(), values);
    }

    /**
     * Reminds the shopper of a click and collect order still waiting at its store (the caller
     * records that it did, in the same transaction, so it is sent once).
     */
    public void remindToCollect(String orderNumber) {
        ShopperOrders.OrderView order =
                orders.unchecked(orderNumber)
                        .orElseThrow(() -> new FulfilmentProblem("No order " + orderNumber));
        send(order, "PICKUP_REMINDER", values(order, null));
    }

    private void send(ShopperOrders.OrderView order, String template, Map<String, Object> values) {
        Notifier.Recipient to = new Notifier.Recipient(order.email(), order.address().phone());
        for (Notifier notifier : notifiers) {
            if (notifier.reaches(to)) {
                notifier.send(to, template, values);
            }
        }
    }

    private String refundText(ShopperOrders.OrderView order) {
        if (order.payOnDelivery()) {
            return "Nothing was charged: it was to be paid on delivery.";
        }
        long back =
                refunds.of(order.orderNumber()).stream()
                        .mapToLong(OrderRefunds.Refund::amountMinor)
                        .sum();
        if (back == 0) {
            return null;
        }
        NumberFormat rupees = NumberFormat.getCurrencyInstance(Locale.forLanguageTag("en-IN"));
        return "We are refunding "
                + rupees.format(back / 100.0)
                + " to the card or account you paid with; banks usually show it within 5 to 7"
                + " working days.";
    }

    private Map<String, Object> values(ShopperOrders.OrderView order, String reason) {
        NumberFormat rupees = NumberFormat.getCurrencyInstance(Locale.forLanguageTag("en-IN"));
        PostalAddress a = order.address();
        Map<String, Object> v = new HashMap<>();
        v.put("number", order.orderNumber());
        v.put("link", orders.link(order.orderNumber()));
        v.put("firstName", a.name() == null ? null : a.name().strip().split("\\s+")[0]);
        v.put("status", order.statusLabel());
        v.put("reason", reason);
        v.put(
                "lines",
                order.lines().stream()
                        .map(
                                l ->
                                        Map.of(
                                                "quantity", l.quantity(),
                                                "name", l.name(),
                                                "colour", l.colour(),
                                                "size", l.size(),
                                                "price", rupees.format(l.lineMinor() / 100.0)))
                        .toList());
        v.put("shipping", rupees.format(order.shippingMinor() / 100.0));
        v.put("total", rupees.format(order.totalMinor() / 100.0));
        v.put("tax", rupees.format(order.taxMinor() / 100.0));
        v.put("delivery", order.delivery());
        v.put("store", order.pickupStore());
        v.put("clickAndCollect", order.clickAndCollect());
        v.put("payOnDelivery", order.payOnDelivery());
        v.put("payment", order.payOnDelivery() && !order.paid() ? "on delivery" : "received");
        if (order.pickup() != null) {
            v.put("pickupCode", order.pickup().code());
            v.put(
                    "collectBy",
                    java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH)
                            .withZone(java.time.ZoneId.of("Asia/Kolkata"))
                            .format(order.pickup().collectBy()));
        }
        v.put(
                "address",
                Stream.of(
                                a.name(),
                                a.line1(),
                                a.line2(),
                                a.city(),
                                a.state() + " " + a.postalCode())
                        .filter(s -> s != null && !s.isBlank())
                        .collect(Collectors.joining(", ")));
        List<Map<String, Object>> parcels =
                order.parcels().stream()
                        .filter(p -> p.awb() != null)
                        .map(
                                p -> {
                                    Map<String, Object> m = new HashMap<>();
                                    m.put("carrier", p.carriedBy());
                                    m.put("awb", p.awb());
                                    m.put("trackingUrl", p.trackingUrl());
                                    return m;
                                })
                        .toList();
        v.put("parcels", parcels);
        return v;
    }
}
