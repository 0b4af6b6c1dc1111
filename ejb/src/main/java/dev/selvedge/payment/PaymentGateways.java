package dev.selvedge.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The payment methods the shop has, and the ones it offers now. */
@ApplicationScoped
public class PaymentGateways {

    @Inject @Any private Instance<PaymentGateway> all;

    @jakarta.ejb.EJB private GatewaySwitches switches;

    /** Offered now: enabled by configuration and not switched off by staff. */
    public boolean offered(PaymentGateway gateway) {
        return gateway.enabled() && !switches.isSwitchedOff(gateway.id());
    }

    public Optional<PaymentGateway> enabled(String id) {
        return list().stream()
                .filter(g -> g.id().equalsIgnoreCase(String.valueOf(id)))
                .filter(this::offered)
                .findFirst();
    }

    /** A gateway by name, offered or not (an order accepted a moment ago still pays through it). */
    public Optional<PaymentGateway> byId(String id) {
        return list().stream().filter(g -> g.id().equalsIgnoreCase(String.valueOf(id))).findFirst();
    }

    public List<PaymentGateway> list() {
        return StreamSupport.stream(all.spliterator(), false).toList();
    }

    public List<String> enabledIds() {
        return list().stream().filter(this::offered).map(PaymentGateway::id).sorted().toList();
    }
}
