package dev.selvedge.ordering;

import dev.selvedge.payment.BadSignature;
import dev.selvedge.payment.PaymentEvent;
import dev.selvedge.payment.PaymentGateway;
import dev.selvedge.payment.PaymentGateways;
import dev.selvedge.shared.Rejected;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * Notifications the payment providers post: the signature checked by the gateway (refused ones kept
 * for staff), each event applied once and in any order, so an order paid after the shopper closed
 * the tab is still completed; money for an order that can no longer be filled goes back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentWebhooks {

    @EJB private CheckoutSteps steps;
    @EJB private CheckoutService checkout;
    @Inject private PaymentGateways gateways;

    public void receive(String gatewayId, Map<String, String> headers, String body) {
        PaymentGateway gateway =
                gateways.byId(gatewayId)
                        .orElseThrow(() -> new Rejected(404, "No payment method " + gatewayId));
        Optional<PaymentEvent> event;
        try {
            event = gateway.webhook(headers, body);
        } catch (BadSignature e) {
            steps.keepRejectedEvent(gateway.id(), e.getMessage(), body);
            throw e;
        }
        event.flatMap(e -> steps.settleEvent(gateway.id(), e, body))
                .ifPresent(
                        settled -> {
                            if (settled.status() == OrderStatus.PENDING_PAYMENT) {
                                // The payment moved without settling (approved, authorised):
                                // the provider is asked, and what it says is applied.
                                checkout.settleFromProvider(settled.orderNumber());
                            } else {
                                checkout.settled(gateway, settled);
                            }
                        });
    }
}
