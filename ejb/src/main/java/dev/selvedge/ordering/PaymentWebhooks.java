package dev.selvedge.ordering;

import dev.selvedge.payment.BadSignature;
import dev.selvedge.payment.PaymentEvent;
import dev.selvedge.payment.PaymentGateway;
import dev.selvedge.payment.PaymentGateways;
import dev.selvedge.shared.Budgets;
import dev.selvedge.shared.Rejected;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /** Refused notifications kept per sending address and hour; beyond, they are answered 429. */
    static final int REFUSED_KEPT_PER_SOURCE_PER_HOUR = 60;

    /** ...and from all sources together, so that many addresses cannot fill the table either. */
    static final int REFUSED_KEPT_PER_HOUR = 1000;

    /** Days a refused notification is kept for staff. */
    @Inject
    @ConfigProperty(name = "selvedge.retention.refused-webhook-days", defaultValue = "30")
    private int refusedRetentionDays;

    @Inject private Budgets budgets;

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    public void receive(String gatewayId, Map<String, String> headers, String body, String source) {
        // Only a configured provider can check a signature: for the others nothing is kept or
        // asked.
        PaymentGateway gateway =
                gateways.byId(gatewayId)
                        .filter(PaymentGateway::enabled)
                        .orElseThrow(
                                () ->
                                        new Rejected(
                                                404,
                                                "No payment provider takes notifications at this address"));
        Optional<PaymentEvent> event;
        try {
            event = gateway.webhook(headers, body);
        } catch (BadSignature e) {
            // Anyone can post garbage here: what is kept is bounded per source and in size.
            budgets.spend(
                    "refused-webhook:" + source,
                    REFUSED_KEPT_PER_SOURCE_PER_HOUR,
                    Duration.ofHours(1),
                    "Too many refused notifications from your address.");
            budgets.spend(
                    "refused-webhook:all",
                    REFUSED_KEPT_PER_HOUR,
                    Duration.ofHours(1),
                    "Too many refused notifications; try again later.");
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

    /** Refused notifications older than the retention period go, every night. */
    @Schedule(hour = "3", minute = "20", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void purgeRefused() {
        em.createNativeQuery(
                        "DELETE FROM payment_event WHERE outcome = 'BAD_SIGNATURE'"
                                + " AND received_at < now() - make_interval(days => ?1)")
                .setParameter(1, refusedRetentionDays)
                .executeUpdate();
    }
}
