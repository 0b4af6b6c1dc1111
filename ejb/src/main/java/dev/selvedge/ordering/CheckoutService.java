package dev.selvedge.ordering;

import dev.selvedge.payment.BadSignature;
import dev.selvedge.payment.PaymentGateway;
import dev.selvedge.payment.PaymentGateways;
import dev.selvedge.payment.PaymentResult;
import dev.selvedge.shared.Digests;
import dev.selvedge.shared.Rejected;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Places an order: once per Idempotency-Key, whatever the double clicks and retries. Holds the
 * stock (sold out: 409, nothing charged), takes the payment outside any transaction, then confirms
 * the order and the sale, or releases the stock when the payment does not go through (402).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckoutService {

    private static final Logger LOG = Logger.getLogger(CheckoutService.class.getName());

    @EJB private CheckoutSteps steps;

    @EJB private CartService carts;

    @EJB private OrderBook orders;

    @Inject private PaymentGateways gateways;

    public CheckoutAnswer checkout(
            String idempotencyKey, CheckoutRequest request, String signedInEmail) {
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9_.:-]{8,100}")) {
            throw new Rejected(
                    400,
                    "Send an Idempotency-Key header: 8 to 100 letters, digits, '_', '.', ':' or '-', new for each checkout (a UUID will do).");
        }
        if (request == null) {
            throw new Rejected(400, "The checkout is empty.");
        }
        CheckoutSteps.Begun begun =
                steps.begin(
                        idempotencyKey,
                        Digests.sha256Hex(request.canonical()),
                        request,
                        signedInEmail);
        if (begun.earlier().isPresent()) {
            return begun.earlier().get();
        }
        if (begun.inProgress()) {
            return awaitFirst(idempotencyKey);
        }
        PaymentGateway gateway = gateways.byId(request.payment().method()).orElseThrow();
        PaymentResult result;
        try {
            result = gateway.authorize(begun.toPay().withToken(request.payment().token()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Payment through " + gateway.id() + " failed", e);
            result =
                    new PaymentResult(
                            PaymentResult.Status.ERROR,
                            null,
                            "The payment service did not answer. Nothing was charged; please try again.");
        }
        return steps.finish(idempotencyKey, begun.orderId(), gateway.id(), result);
    }

    /**
     * Where a payment made on the provider's page stands: asks the provider (the shopper came back,
     * or a sweep of unsettled orders) and applies what it says, once.
     */
    public OrderStatus settleFromProvider(String orderNumber) {
        return settleFromProvider(orderNumber, Map.of());
    }

    /**
     * The same, with what the provider added to the shopper's way back (signed by some providers: a
     * bad signature is refused).
     */
    public OrderStatus settleFromProvider(String orderNumber, Map<String, String> returned) {
        return askProvider(
                orderNumber,
                (gateway, reference) -> gateway.returned(reference, returned),
                "return " + orderNumber + " " + returned);
    }

    /**
     * The shopper came back from the provider's page without paying: the page is closed where the
     * provider allows it ({@link PaymentGateway#cancel}), and what the provider then says applied.
     */
    public OrderStatus leftProviderPage(String orderNumber) {
        return askProvider(orderNumber, PaymentGateway::cancel, "left " + orderNumber);
    }

    /**
     * Asks the provider about an order waiting on its page and applies a definite answer (paid,
     * declined); anything else, or a provider that cannot be asked, leaves the order waiting (not
     * knowing is not a refusal).
     */
    private OrderStatus askProvider(
            String orderNumber,
            BiFunction<PaymentGateway, String, PaymentResult> ask,
            String what) {
        CustomerOrder order =
                orders.find(orderNumber)
                        .orElseThrow(() -> new Rejected(404, "No order " + orderNumber));
        Optional<String> reference = steps.pendingReference(orderNumber);
        if (!order.isPendingPayment() || reference.isEmpty()) {
            return order.getStatus();
        }
        PaymentGateway gateway = gateways.byId(order.getPaymentMethod()).orElseThrow();
        PaymentResult result;
        try {
            result = ask.apply(gateway, reference.get());
        } catch (BadSignature e) {
            steps.keepRejectedEvent(gateway.id(), e.getMessage(), what);
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Asking " + gateway.id() + " (" + what + ") failed", e);
            return order.getStatus();
        }
        boolean definite =
                result.status() == PaymentResult.Status.APPROVED
                        || result.status() == PaymentResult.Status.DECLINED;
        if (!definite) {
            LOG.fine(() -> "Asked " + gateway.id() + " (" + what + "): " + result.message());
            return order.getStatus();
        }
        return settled(gateway, steps.settle(gateway.id(), orderNumber, result));
    }

    /**
     * An order of this bag waiting to be paid on a provider's own form, for the page that opens it.
     */
    public record PendingPayment(
            String orderNumber,
            String reference,
            long amountMinor,
            String currency,
            String email,
            String name,
            String phone) {}

    public Optional<PendingPayment> pendingPayment(CartOwner owner, String orderNumber) {
        if (carts.orderInProgress(owner).filter(orderNumber::equals).isEmpty()) {
            return Optional.empty();
        }
        return orders.find(orderNumber)
                .filter(CustomerOrder::isPendingPayment)
                .flatMap(
                        o ->
                                steps.pendingReference(orderNumber)
                                        .map(
                                                reference ->
                                                        new PendingPayment(
                                                                orderNumber,
                                                                reference,
                                                                o.getTotalMinor(),
                                                                o.getCurrency(),
                                                                o.getEmail(),
                                                                o.getShippingAddress().name(),
                                                                o.getShippingAddress().phone())));
    }

    /** A settlement that left money to give back: the refund asked for, and recorded. */
    public OrderStatus settled(PaymentGateway gateway, CheckoutSteps.Settled settled) {
        if (settled.refundDue()) {
            PaymentResult refund;
            try {
                refund = gateway.refund(settled.reference(), settled.totalMinor());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Refund of " + settled.orderNumber() + " failed", e);
                refund =
                        new PaymentResult(
                                PaymentResult.Status.ERROR,
                                settled.reference(),
                                "Refund failed: " + e.getMessage() + "; refund by hand");
            }
            steps.refunded(gateway.id(), settled.orderNumber(), refund);
        }
        return settled.status();
    }

    /**
     * Places the order of a bag with the checkout steps saved with it (the checkout pages). The
     * bag's attempt key makes a double click or a reload one order; a declined payment leaves the
     * bag as it was and the next press is a new attempt; a placed order empties the bag.
     */
    public CheckoutAnswer placeFromBag(CartOwner owner, String signedInEmail) {
        CartService.Attempt attempt = carts.attempt(owner);
        Cart cart = attempt.cart();
        if (cart.isEmpty() && attempt.placed().isPresent()) {
            // Pressed again after the first press placed the order: that order's answer.
            CustomerOrder placed = attempt.placed().get();
            return new CheckoutAnswer(
                    200,
                    placed.getOrderNumber(),
                    placed.getStatus().name(),
                    placed.getTotalMinor(),
                    placed.getCurrency(),
                    null,
                    null);
        }
        if (!cart.isBuyable()) {
            throw new Rejected(
                    409,
                    cart.isEmpty()
                            ? "Your bag is empty."
                            : "Something in your bag cannot be bought as it is: see your bag.");
        }
        CheckoutDraft draft = attempt.draft();
        String key = attempt.key();
        CheckoutRequest request =
                new CheckoutRequest(
                        draft.email(),
                        draft.address(),
                        draft.shippingMethod(),
                        draft.pickupStore(),
                        cart.lines().stream()
                                .map(l -> new CheckoutRequest.Line(l.item().sku(), l.quantity()))
                                .toList(),
                        new CheckoutRequest.Payment(draft.paymentMethod(), draft.paymentToken()));
        CheckoutAnswer answer = checkout(key, request, signedInEmail);
        if (answer.status() == 402) {
            carts.newAttempt(owner, key);
        } else if (answer.status() != 202) {
            carts.checkedOut(owner, key, answer.orderNumber());
        }
        // 202: the bag waits until the provider's answer comes (return page or webhook).
        return answer;
    }

    /** A second request with the key while the first is still paying: its answer, when it comes. */
    private CheckoutAnswer awaitFirst(String key) {
        for (int i = 0; i < 150; i++) {
            Optional<CheckoutAnswer> answer = steps.answered(key);
            if (answer.isPresent()) {
                return answer.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new Rejected(
                409,
                "This checkout is still being processed; ask again in a moment with the same Idempotency-Key.");
    }
}
