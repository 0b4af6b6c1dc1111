package dev.selvedge.web.shop;

import dev.selvedge.fulfilment.FulfilmentRefused;
import dev.selvedge.fulfilment.OrderCancellation;
import dev.selvedge.fulfilment.ShopperOrders;
import dev.selvedge.ordering.OrderActor;
import dev.selvedge.ordering.OrderStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An order's page ({@code /orders/<number>}): what was bought, where it stands, each parcel with
 * its tracking, the timeline. It opens for the signed-in shopper who placed the order, or with the
 * signed token of the order's emails ({@code ?t=}); anything else is answered 404, the same as an
 * order that does not exist, so that numbers cannot be tried.
 */
@Named
@RequestScoped
public class OrderPage {

    /** The steps of the progress bar, for delivery and for click and collect. */
    private static final List<OrderStatus> DELIVERY =
            List.of(
                    OrderStatus.CONFIRMED,
                    OrderStatus.PACKED,
                    OrderStatus.SHIPPED,
                    OrderStatus.OUT_FOR_DELIVERY,
                    OrderStatus.DELIVERED);

    private static final List<OrderStatus> COLLECTION =
            List.of(
                    OrderStatus.CONFIRMED,
                    OrderStatus.ALLOCATED,
                    OrderStatus.READY_FOR_PICKUP,
                    OrderStatus.COLLECTED);

    public record Step(String label, boolean done, boolean current) {}

    @EJB private ShopperOrders orders;
    @EJB private OrderCancellation cancellation;

    private ShopperOrders.OrderView order;
    private String token;
    private String cancelReason;
    private boolean resolved;

    /** Runs as the view action, before rendering, so that a 404 can still be sent. */
    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext context = faces.getExternalContext();
        HttpServletResponse response = (HttpServletResponse) context.getResponse();
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex");
        if (getOrder() == null) {
            try {
                context.responseSendError(404, "No such order");
                faces.responseComplete();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The order this request may see, found once: by the address ({@code /orders/<number>}) or,
     * when the cancel form posts back, by its fields {@code order} and {@code t}. Found before the
     * view action runs on a postback (the form's {@code rendered} asks first).
     */
    private void resolve() {
        if (resolved) {
            return;
        }
        resolved = true;
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        String number = (String) context.getRequestMap().get(ShopUrlFilter.ORDER);
        if (number == null) {
            number = context.getRequestParameterMap().get("order");
        }
        token = context.getRequestParameterMap().get("t");
        String user = context.getRemoteUser();
        if (number != null && user != null) {
            order = orders.ofAccount(number, user).orElse(null);
        }
        if (order == null && number != null && token != null && !token.isEmpty()) {
            order = orders.byLink(number, token).orElse(null);
        }
    }

    /** The shopper cancels (before it ships); the page shows the order as it now stands. */
    public void cancel() throws IOException {
        if (getOrder() == null) {
            return;
        }
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        String who = context.getRemoteUser() != null ? context.getRemoteUser() : order.email();
        try {
            cancellation.cancel(
                    order.orderNumber(),
                    OrderActor.shopper(
                            who,
                            cancelReason == null || cancelReason.isBlank() ? null : cancelReason));
        } catch (FulfilmentRefused e) {
            AccountForms.formError(e.getMessage());
            return;
        }
        context.redirect(
                context.getRequestContextPath()
                        + "/orders/"
                        + URLEncoder.encode(order.orderNumber(), StandardCharsets.UTF_8)
                        + (token == null
                                ? ""
                                : "?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    /** A move on the timeline as the shopper reads it. */
    public String labelOf(String status) {
        return switch (OrderStatus.valueOf(status)) {
            case PENDING_PAYMENT -> "Order placed, waiting for payment";
            case CONFIRMED -> "Order confirmed";
            case ALLOCATED -> "Sent to be packed";
            case PICKING -> "Being picked";
            case PACKED -> "Packed";
            case SHIPPED -> "Handed to the courier";
            default -> OrderStatus.valueOf(status).label();
        };
    }

    public ShopperOrders.OrderView getOrder() {
        resolve();
        return order;
    }

    public String getToken() {
        resolve();
        return token;
    }

    /** The progress bar: each step done, the current one marked; empty once cancelled. */
    public List<Step> getSteps() {
        if (getOrder() == null) {
            return List.of();
        }
        OrderStatus now = order.status();
        List<OrderStatus> steps = order.clickAndCollect() ? COLLECTION : DELIVERY;
        int reached = reached(steps, now);
        if (reached < 0) {
            return List.of();
        }
        return java.util.stream.IntStream.range(0, steps.size())
                .mapToObj(i -> new Step(label(steps.get(i)), i <= reached, i == reached))
                .toList();
    }

    /** The newest move first, as shoppers read a tracking page. */
    public List<ShopperOrders.Step> getTimeline() {
        if (getOrder() == null) {
            return List.of();
        }
        List<ShopperOrders.Step> newestFirst = new java.util.ArrayList<>(order.timeline());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static String label(OrderStatus status) {
        return status == OrderStatus.ALLOCATED ? "Being prepared" : status.label();
    }

    /** How far along the steps an order in this state is; -1 when it left them (cancelled). */
    private static int reached(List<OrderStatus> steps, OrderStatus now) {
        OrderStatus at =
                switch (now) {
                    case ALLOCATED, PICKING ->
                            steps.contains(OrderStatus.ALLOCATED)
                                    ? OrderStatus.ALLOCATED
                                    : OrderStatus.CONFIRMED;
                    case DELIVERY_FAILED -> OrderStatus.OUT_FOR_DELIVERY;
                    case CANCELLED,
                                    NOT_COLLECTED,
                                    PAYMENT_FAILED,
                                    PENDING_PAYMENT,
                                    RETURNED_TO_ORIGIN ->
                            null;
                    default -> now;
                };
        return at == null ? -1 : steps.indexOf(at);
    }
}
