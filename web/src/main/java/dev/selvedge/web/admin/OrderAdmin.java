package dev.selvedge.web.admin;

import dev.selvedge.ordering.OrderBook;
import dev.selvedge.payment.GatewaySwitches;
import dev.selvedge.payment.PaymentGateways;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The Orders page: latest orders with their payment attempts, and the payment methods offered. */
@Named
@RequestScoped
public class OrderAdmin {

    /** A payment method as staff see it. */
    public record Method(String id, boolean configured, boolean offered) {}

    @Inject private OrderBook orders;
    @Inject private PaymentGateways gateways;
    @Inject private GatewaySwitches switches;

    private List<OrderBook.Summary> latest;

    public List<OrderBook.Summary> getLatest() {
        if (latest == null) {
            latest = orders.latest(100);
        }
        return latest;
    }

    public List<OrderBook.Notification> getEvents() {
        return orders.notifications(200);
    }

    public List<Method> getMethods() {
        return gateways.list().stream()
                .map(g -> new Method(g.id(), g.enabled(), gateways.offered(g)))
                .sorted(java.util.Comparator.comparing(Method::id))
                .toList();
    }

    public void switchTo(String id, boolean on) {
        String staff = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        switches.set(id, on, staff);
        Messages.info(
                on ? "Offered again" : "Switched off",
                "Payment method "
                        + id
                        + (on
                                ? " is offered to shoppers again."
                                : " is no longer offered to shoppers."));
    }
}
