package dev.selvedge.web.admin;

import dev.selvedge.fulfilment.FulfilmentRefused;
import dev.selvedge.fulfilment.FulfilmentService;
import dev.selvedge.fulfilment.OrderCancellation;
import dev.selvedge.fulfilment.OrderRefunds;
import dev.selvedge.fulfilment.OrderTimeline;
import dev.selvedge.fulfilment.ParcelView;
import dev.selvedge.ordering.CustomerOrder;
import dev.selvedge.ordering.IllegalMove;
import dev.selvedge.ordering.OrderActor;
import dev.selvedge.ordering.OrderBook;
import dev.selvedge.ordering.OrderStatus;
import dev.selvedge.payment.GatewaySwitches;
import dev.selvedge.payment.PaymentGateways;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The Orders page: every order, one page at a time from the database, found by number, email or
 * state; the open order with its timeline (who, why), parcels and refunds; cancel with a reason
 * before it ships; retry a refund the provider refused; the payment methods offered.
 */
@Named
@ViewScoped
public class OrderAdmin implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A payment method as staff see it. */
    public record Method(String id, boolean configured, boolean offered) {}

    @Inject private transient OrderBook orders;
    @Inject private transient PaymentGateways gateways;
    @Inject private transient GatewaySwitches switches;
    @Inject private transient OrderTimeline timelines;
    @Inject private transient FulfilmentService fulfilment;
    @Inject private transient OrderRefunds refunds;
    @Inject private transient OrderCancellation cancellations;
    @Inject private transient dev.selvedge.account.StaffDirectory directory;

    private String openNumber;
    private String cancelReason;

    private final LazyDataModel<OrderBook.Summary> page =
            new LazyDataModel<>() {
                private static final long serialVersionUID = 1L;

                @Override
                public int count(Map<String, FilterMeta> filterBy) {
                    return orders.count(text(filterBy), status(filterBy));
                }

                @Override
                public List<OrderBook.Summary> load(
                        int first,
                        int pageSize,
                        Map<String, SortMeta> sortBy,
                        Map<String, FilterMeta> filterBy) {
                    Optional<SortMeta> sort = sortBy.values().stream().findFirst();
                    return orders.page(
                            text(filterBy),
                            status(filterBy),
                            first,
                            pageSize,
                            sort.map(SortMeta::getField).orElse("createdAt"),
                            sort.map(s -> s.getOrder() == SortOrder.ASCENDING).orElse(false));
                }

                @Override
                public String getRowKey(OrderBook.Summary row) {
                    return row.orderNumber();
                }
            };

    private static String text(Map<String, FilterMeta> filterBy) {
        FilterMeta f = filterBy == null ? null : filterBy.get("orderNumber");
        Object value = f == null ? null : f.getFilterValue();
        return value == null ? "" : value.toString().strip();
    }

    private static String status(Map<String, FilterMeta> filterBy) {
        FilterMeta f = filterBy == null ? null : filterBy.get("status");
        Object value = f == null ? null : f.getFilterValue();
        String s = value == null ? "" : value.toString();
        return java.util.Arrays.stream(OrderStatus.values()).anyMatch(v -> v.name().equals(s))
                ? s
                : null;
    }

    public LazyDataModel<OrderBook.Summary> getPage() {
        return page;
    }

    public OrderStatus[] getStatuses() {
        return OrderStatus.values();
    }

    public void open(OrderBook.Summary row) {
        openNumber = row.orderNumber();
        cancelReason = null;
    }

    public void close() {
        openNumber = null;
    }

    public String getOpenNumber() {
        return openNumber;
    }

    public CustomerOrder getOpen() {
        return openNumber == null ? null : orders.find(openNumber).orElse(null);
    }

    public List<OrderTimeline.Entry> getTimeline() {
        return openNumber == null ? List.of() : timelines.of(openNumber);
    }

    public List<ParcelView> getParcels() {
        return openNumber == null ? List.of() : fulfilment.parcels(openNumber);
    }

    public List<OrderRefunds.Refund> getRefunds() {
        return openNumber == null ? List.of() : refunds.of(openNumber);
    }

    /** Refunds the providers refused or that failed after every try, newest first. */
    public List<OrderRefunds.Refund> getFailedRefunds() {
        return refunds.failed(100);
    }

    /** Cancels the open order with the reason staff give (required: the shopper is told). */
    public void cancel() {
        String reason = cancelReason == null ? "" : cancelReason.strip();
        if (reason.isEmpty() || reason.length() > 300) {
            Messages.error("Not cancelled", "Give the reason, up to 300 characters.");
            return;
        }
        try {
            OrderCancellation.Cancelled done =
                    cancellations.cancel(openNumber, OrderActor.staff(staff(), reason));
            Messages.info(
                    "Cancelled",
                    "Order "
                            + done.orderNumber()
                            + " is cancelled; its units are back in stock"
                            + (done.refundMinor() > 0
                                    ? " and the payment is being refunded."
                                    : "."));
            cancelReason = null;
        } catch (FulfilmentRefused | IllegalMove e) {
            Messages.error("Not cancelled", e.getMessage());
        } catch (EJBException e) {
            Messages.error("Not cancelled", (e.getCause() == null ? e : e.getCause()).getMessage());
        }
    }

    public void retry(OrderRefunds.Refund refund) {
        if (!directory.scope(staff()).servesCustomers()) {
            Messages.error("Not retried", "Only customer service or an admin retries refunds.");
            return;
        }
        if (refunds.retry(refund.id())) {
            Messages.info(
                    "Refund asked again",
                    "The provider is asked again for order " + refund.orderNumber() + ".");
        } else {
            Messages.error("Not retried", "That refund is not failed (any more).");
        }
    }

    public List<Method> getMethods() {
        if (!isAdmin()) {
            return List.of();
        }
        return gateways.list().stream()
                .map(g -> new Method(g.id(), g.enabled(), gateways.offered(g)))
                .sorted(java.util.Comparator.comparing(Method::id))
                .toList();
    }

    public List<OrderBook.Notification> getEvents() {
        return isAdmin() ? orders.notifications(200) : List.of();
    }

    /** Payment methods are the admin's: customer service sees orders only. */
    public boolean isAdmin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("ADMIN");
    }

    public void switchTo(String id, boolean on) {
        if (!isAdmin()) {
            Messages.error("Not changed", "Only an admin switches payment methods.");
            return;
        }
        switches.set(id, on, staff());
        Messages.info(
                on ? "Offered again" : "Switched off",
                "Payment method "
                        + id
                        + (on
                                ? " is offered to shoppers again."
                                : " is no longer offered to shoppers."));
    }

    private static String staff() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }
}
