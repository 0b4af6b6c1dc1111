package dev.selvedge.ordering;

import dev.selvedge.payment.PaymentResult;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Orders waiting for a payment on a provider's page, when neither the shopper nor a webhook came
 * back: every few minutes the provider is asked how each stands, and an order still unpaid long
 * after its stock hold ran out is given up (a payment that still comes later is then held again or
 * refunded, see {@link CheckoutSteps#settle}).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PendingPayments {

    private static final Logger LOG = Logger.getLogger(PendingPayments.class.getName());

    @Resource private TimerService timers;
    @EJB private CheckoutService checkout;
    @EJB private CheckoutSteps steps;
    @EJB private OrderBook orders;
    @Inject private Clock clock;

    @Inject
    @ConfigProperty(name = "selvedge.payment.sweep-seconds", defaultValue = "300")
    long sweepSeconds;

    @Inject
    @ConfigProperty(name = "selvedge.payment.ask-after-seconds", defaultValue = "120")
    long askAfterSeconds;

    @Inject
    @ConfigProperty(name = "selvedge.payment.give-up-minutes", defaultValue = "60")
    long giveUpMinutes;

    @PostConstruct
    void start() {
        long every = Duration.ofSeconds(sweepSeconds).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig(null, false));
    }

    @Timeout
    void sweep() {
        var now = clock.instant();
        for (OrderBook.Waiting waiting :
                orders.waitingForPayment(now.minusSeconds(askAfterSeconds), 100)) {
            try {
                OrderStatus status = checkout.settleFromProvider(waiting.orderNumber());
                if (status == OrderStatus.PENDING_PAYMENT
                        && waiting.placedAt()
                                .isBefore(now.minus(Duration.ofMinutes(giveUpMinutes)))) {
                    steps.settle(
                            waiting.gateway(),
                            waiting.orderNumber(),
                            new PaymentResult(
                                    PaymentResult.Status.DECLINED,
                                    null,
                                    "Not paid within "
                                            + giveUpMinutes
                                            + " minutes; the stock went back."));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not settle " + waiting.orderNumber(), e);
            }
        }
    }
}
