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

    public Optional<PaymentGateway> enabled(String id) {
        return list().stream()
                .filter(g -> g.id().equalsIgnoreCase(String.valueOf(id)))
                .filter(PaymentGateway::enabled)
                .findFirst();
    }

    public List<PaymentGateway> list() {
        return StreamSupport.stream(all.spliterator(), false).toList();
    }

    public List<String> enabledIds() {
        return list().stream()
                .filter(PaymentGateway::enabled)
                .map(PaymentGateway::id)
                .sorted()
                .toList();
    }
}
