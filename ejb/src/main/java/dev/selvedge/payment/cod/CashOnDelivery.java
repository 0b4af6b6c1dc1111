package dev.selvedge.payment.cod;

import dev.selvedge.payment.PaymentGateway;
import dev.selvedge.payment.PaymentRequest;
import dev.selvedge.payment.PaymentResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cash (or UPI) on delivery: the order is confirmed now and paid to the courier. Up to a limit,
 * since a refused parcel costs the shop two trips.
 */
@ApplicationScoped
public class CashOnDelivery implements PaymentGateway {

    @Inject
    @ConfigProperty(name = "selvedge.payment.cod.enabled", defaultValue = "true")
    private boolean enabled;

    @Inject
    @ConfigProperty(name = "selvedge.payment.cod.max-rupees", defaultValue = "20000")
    private long maxRupees;

    @Override
    public String id() {
        return "cod";
    }

    @Override
    public String label() {
        return "Cash on delivery (pay the courier by cash or UPI)";
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public PaymentResult authorize(PaymentRequest request) {
        if (request.amountMinor() > maxRupees * 100) {
            return new PaymentResult(
                    PaymentResult.Status.DECLINED,
                    null,
                    "Cash on delivery is for orders up to Rs "
                            + maxRupees
                            + "; please pay online.");
        }
        return new PaymentResult(
                PaymentResult.Status.PENDING,
                "cod-" + request.orderNumber(),
                "To be paid on delivery");
    }
}
