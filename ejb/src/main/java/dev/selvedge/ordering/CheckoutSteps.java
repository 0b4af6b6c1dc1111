package dev.selvedge.ordering;

import dev.selvedge.account.AccountService;
import dev.selvedge.customer.PostalAddress;
import dev.selvedge.inventory.InventoryService;
import dev.selvedge.inventory.LocationKind;
import dev.selvedge.inventory.Reservation;
import dev.selvedge.inventory.ReservationRequest;
import dev.selvedge.inventory.ReservationService;
import dev.selvedge.payment.PaymentEvent;
import dev.selvedge.payment.PaymentGateway;
import dev.selvedge.payment.PaymentGateways;
import dev.selvedge.payment.PaymentRequest;
import dev.selvedge.payment.PaymentResult;
import dev.selvedge.pricing.PricingService;
import dev.selvedge.pricing.Quote;
import dev.selvedge.pricing.ShippingMethod;
import dev.selvedge.shared.InvalidFields;
import dev.selvedge.shared.Rejected;
import dev.selvedge.shared.StorableText;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two transactions of a checkout, either side of the call to the payment provider (which is
 * never made while rows are locked): {@link #begin} claims the idempotency key, prices the order
 * and holds its stock; {@link #finish} records the payment and confirms or releases.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CheckoutSteps {

    /** The first step's outcome: an answer given before for this key, or an order to pay. */
    public record Begun(
            Optional<CheckoutAnswer> earlier,
            boolean inProgress,
            Long orderId,
            PaymentRequest toPay) {}

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB private PricingService pricing;
    @EJB private ReservationService reservations;
    @EJB private AccountService accounts;
    @EJB private InventoryService inventory;
    @Inject private PaymentGateways gateways;
    @Inject private Clock clock;

    @Inject
    @ConfigProperty(name = "selvedge.public-url", defaultValue = "http://localhost:8080")
    private String publicUrl;

    public Begun begin(
            String key, String requestHash, CheckoutRequest request, String signedInEmail) {
        int claimed =
                em.createNativeQuery(
                                "INSERT INTO checkout_attempt (idempotency_key, request_hash) VALUES (?1, ?2)"
                                        + " ON CONFLICT (idempotency_key) DO NOTHING")
                        .setParameter(1, key)
                        .setParameter(2, requestHash)
                        .executeUpdate();
        if (claimed == 0) {
            return earlier(key, requestHash);
        }
        Checked checked = check(request, signedInEmail);
        Quote quote = pricing.quote(checked.quantities(), checked.method());
        String number =
                "SV-"
                        + ((Number)
                                        em.createNativeQuery("SELECT nextval('order_number_seq')")
                                                .getSingleResult())
                                .longValue();
        CustomerOrder order =
                new CustomerOrder(
                        number,
                        checked.email(),
                        checked.accountId(),
                        checked.address(),
                        checked.method(),
                        checked.pickupStore(),
                        quote,
                        checked.paymentMethod(),
                        clock.instant());
        em.persist(order);
        em.flush();
        // Sold out: the exception rolls all of this back, the key included (nothing was charged).
        Reservation held =
                reservations.holdForCheckout(
                        new ReservationRequest(
                                number,
                                quote.lines().stream()
                                        .map(
                                                l ->
                                                        new ReservationRequest.Line(
                                                                l.sku(), l.quantity()))
                                        .toList(),
                                gateways.byId(checked.paymentMethod())
                                        .map(PaymentGateway::holdMinutes)
                                        .orElse(null)),
                        checked.pickupStore());
        order.holdStock(held.token());
        em.createNativeQuery("UPDATE checkout_attempt SET order_id = ?1 WHERE idempotency_key = ?2")
                .setParameter(1, order.getId())
                .setParameter(2, key)
                .executeUpdate();
        // What the provider is asked for; the caller adds the shopper's token.
        return new Begun(
                Optional.empty(),
                false,
                order.getId(),
                new PaymentRequest(
                        number,
                        quote.totalMinor(),
                        quote.currency(),
                        checked.email(),
                        null,
                        publicUrl + "/checkout/return.xhtml?order=" + number));
    }

    private Begun earlier(String key, String requestHash) {
        Object[] row =
                (Object[])
                        em.createNativeQuery(
                                        "SELECT request_hash, answer_status, order_id, answer_body FROM checkout_attempt WHERE idempotency_key = ?1")
                                .setParameter(1, key)
                                .getSingleResult();
        if (!requestHash.equals(row[0])) {
            throw new Rejected(
                    422,
                    "This Idempotency-Key was used for a different checkout. Use a new key for a new checkout.");
        }
        if (row[1] == null) {
            return new Begun(
                    Optional.empty(),
                    true,
                    row[2] == null ? null : ((Number) row[2]).longValue(),
                    null);
        }
        CustomerOrder order = em.find(CustomerOrder.class, ((Number) row[2]).longValue());
        return new Begun(
                Optional.of(
                        answerOf(order, ((Number) row[1]).intValue(), (String) row[3]).repeated()),
                false,
                order.getId(),
                null);
    }

    /** The stored answer for a key, once the first request has finished. */
    public Optional<CheckoutAnswer> answered(String key) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT answer_status, order_id, answer_body FROM checkout_attempt WHERE idempotency_key = ?1 AND answer_status IS NOT NULL")
                        .setParameter(1, key)
                        .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> (Object[]) r)
                .map(
                        r ->
                                answerOf(
                                                em.find(
                                                        CustomerOrder.class,
                                                        ((Number) r[1]).longValue()),
                                                ((Number) r[0]).intValue(),
                                                (String) r[2])
                                        .repeated());
    }

    /**
     * After the provider's first answer: the attempt recorded, then the sale confirmed, the stock
     * released, or (REDIRECT) the order left waiting for the shopper to pay on the provider's page.
     */
    public CheckoutAnswer finish(String key, long orderId, String gateway, PaymentResult result) {
        CustomerOrder order = em.find(CustomerOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        recordAttempt(order, gateway, result.status().name(), result);
        int status = apply(order, result);
        String body = status == 202 ? result.redirectUrl() : result.message();
        answer(key, status, body);
        return answerOf(order, status, body);
    }

    /** What {@link #settle} did: whether the order changed, and money to give back. */
    public record Settled(
            String orderNumber,
            OrderStatus status,
            boolean changed,
            boolean refundDue,
            long totalMinor,
            String reference) {}

    /**
     * A payment's outcome heard later (the return page asked the provider, or a webhook): applied
     * once, in any order. A confirmed order stays confirmed whatever comes after; a failure after a
     * success changes nothing; a success after the shop gave up holds the stock again, or, when it
     * is gone, cancels the order with the money to go back.
     */
    public Settled settle(String gateway, String orderNumber, PaymentResult result) {
        CustomerOrder order =
                em.createNamedQuery("CustomerOrder.byNumber", CustomerOrder.class)
                        .setParameter("number", orderNumber)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultStream()
                        .findFirst()
                        .orElseThrow(() -> new Rejected(404, "No order " + orderNumber));
        OrderStatus before = order.getStatus();
        boolean paid = result.status() == PaymentResult.Status.APPROVED;
        boolean refundDue = false;
        if (before == OrderStatus.PENDING_PAYMENT && (paid || result.failed())) {
            recordAttempt(order, gateway, result.status().name(), result);
            int status = apply(order, result);
            refundDue = status == 409;
            answerForOrder(order, status, result.message());
        } else if (before == OrderStatus.PAYMENT_FAILED && paid) {
            recordAttempt(order, gateway, result.status().name(), result);
            if (holdAgain(order)) {
                order.paidLate(clock.instant());
                confirmed(order);
                answerForOrder(order, 201, result.message());
            } else {
                order.cancelUnfulfillable();
                refundDue = true;
            }
        }
        return new Settled(
                order.getOrderNumber(),
                order.getStatus(),
                order.getStatus() != before,
                refundDue,
                order.getTotalMinor(),
                result.reference());
    }

    /**
     * A provider's webhook, once: kept in {@code payment_event} (its event id unique per gateway,
     * so a repeat finds it there and changes nothing) and applied to its order in the same
     * transaction. Empty for a repeat.
     */
    public Optional<Settled> settleEvent(String gateway, PaymentEvent given, String body) {
        PaymentEvent event = given;
        if (event.orderNumber() == null && event.result().reference() != null) {
            // Some providers name only their own order: find ours by the reference they gave us.
            event =
                    new PaymentEvent(
                            given.eventId(),
                            given.type(),
                            orderNumberOf(gateway, given.result().reference()).orElse(null),
                            given.result());
        }
        boolean known =
                event.orderNumber() != null
                        && !em.createNamedQuery("CustomerOrder.byNumber", CustomerOrder.class)
                                .setParameter("number", event.orderNumber())
                                .getResultList()
                                .isEmpty();
        int fresh =
                em.createNativeQuery(
                                "INSERT INTO payment_event (gateway, event_id, event_type, order_number, outcome, detail, body)"
                                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (gateway, event_id) DO NOTHING")
                        .setParameter(1, gateway)
                        .setParameter(2, event.eventId())
                        .setParameter(3, event.type())
                        .setParameter(4, event.orderNumber())
                        .setParameter(5, known ? "APPLIED" : "UNMATCHED")
                        .setParameter(6, event.result().status() + ": " + event.result().message())
                        .setParameter(7, body)
                        .executeUpdate();
        if (fresh == 0 || !known) {
            return Optional.empty();
        }
        Settled settled = settle(gateway, event.orderNumber(), event.result());
        if (!settled.changed() && settled.status() != OrderStatus.PENDING_PAYMENT) {
            em.createNativeQuery(
                            "UPDATE payment_event SET outcome = 'IGNORED', detail = detail || ?1 WHERE gateway = ?2 AND event_id = ?3")
                    .setParameter(1, " (order already " + settled.status() + ")")
                    .setParameter(2, gateway)
                    .setParameter(3, event.eventId())
                    .executeUpdate();
        }
        return Optional.of(settled);
    }

    private Optional<String> orderNumberOf(String gateway, String reference) {
        return em.createNativeQuery(
                        "SELECT o.order_number FROM payment_attempt a JOIN customer_order o ON o.id = a.order_id"
                                + " WHERE a.gateway = ?1 AND a.reference = ?2 LIMIT 1")
                .setParameter(1, gateway)
                .setParameter(2, reference)
                .getResultStream()
                .findFirst()
                .map(String::valueOf);
    }

    /**
     * A webhook refused for its signature, kept for staff to look into (never applied). Anyone can
     * post one, so at most the first 16 KiB of it is kept.
     */
    public void keepRejectedEvent(String gateway, String reason, String body) {
        em.createNativeQuery(
                        "INSERT INTO payment_event (gateway, outcome, detail, body) VALUES (?1, 'BAD_SIGNATURE', LEFT(?2, 500), LEFT(?3, 16384))")
                .setParameter(1, gateway)
                .setParameter(2, StorableText.of(reason, 500))
                .setParameter(3, StorableText.of(body, 16384))
                .executeUpdate();
    }

    /** A refund's outcome, next to the order's other attempts. */
    public void refunded(String gateway, String orderNumber, PaymentResult result) {
        em.createNamedQuery("CustomerOrder.byNumber", CustomerOrder.class)
                .setParameter("number", orderNumber)
                .getResultStream()
                .findFirst()
                .ifPresent(
                        order ->
                                recordAttempt(
                                        order,
                                        gateway,
                                        result.status() == PaymentResult.Status.APPROVED
                                                ? "REFUNDED"
                                                : "REFUND_FAILED",
                                        result));
    }

    /** The provider's reference of the order's payment page, to ask about it. */
    public Optional<String> pendingReference(String orderNumber) {
        return em.createNativeQuery(
                        "SELECT a.reference FROM payment_attempt a JOIN customer_order o ON o.id = a.order_id"
                                + " WHERE o.order_number = ?1 AND a.status = 'REDIRECT' ORDER BY a.id DESC LIMIT 1")
                .setParameter(1, orderNumber)
                .getResultStream()
                .findFirst()
                .map(String::valueOf);
    }

    /** 201 confirmed, 402 failed, 202 waiting for the shopper, 409 paid but sold out meanwhile. */
    private int apply(CustomerOrder order, PaymentResult result) {
        if (result.status() == PaymentResult.Status.REDIRECT) {
            return 202;
        }
        if (result.settlesTheOrder()) {
            Reservation sold = reservations.confirm(order.getReservationToken());
            if (!"SOLD".equals(sold.status()) && !holdAgain(order)) {
                // The hold ran out while the shopper paid, and the stock went meanwhile.
                order.cancelUnfulfillable();
                return 409;
            }
            order.confirm(clock.instant());
            confirmed(order);
            return 201;
        }
        reservations.release(order.getReservationToken());
        order.paymentFailed();
        return 402;
    }

    /** Holds and sells the order's units again, when they can still be sold; whether it could. */
    private boolean holdAgain(CustomerOrder order) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        order.getLines().forEach(l -> wanted.merge(l.getSku(), l.getQuantity(), Integer::sum));
        // The hold's own rule (stores that do not ship give nothing to a delivery): a hold that
        // failed here would roll back the payment's settlement with it.
        Map<String, Integer> available =
                reservations.holdable(wanted.keySet(), order.getPickupStore());
        if (wanted.entrySet().stream().anyMatch(e -> available.get(e.getKey()) < e.getValue())) {
            return false;
        }
        Reservation held =
                reservations.holdForCheckout(
                        new ReservationRequest(
                                order.getOrderNumber() + "-paid",
                                wanted.entrySet().stream()
                                        .map(
                                                e ->
                                                        new ReservationRequest.Line(
                                                                e.getKey(), e.getValue()))
                                        .toList(),
                                null),
                        order.getPickupStore());
        order.holdStock(held.token());
        reservations.confirm(held.token());
        return true;
    }

    /**
     * The order is sold: the bag it came from emptied. The confirmation email goes with the move's
     * status message (fulfilment's OrderNotifications).
     */
    private void confirmed(CustomerOrder order) {
        em.createNativeQuery(
                        "DELETE FROM cart_line WHERE cart_id IN (SELECT c.id FROM cart c JOIN checkout_attempt a"
                                + " ON a.idempotency_key = c.attempt_key WHERE a.order_id = ?1)")
                .setParameter(1, order.getId())
                .executeUpdate();
        em.createNativeQuery(
                        "UPDATE cart c SET placed_order_id = a.order_id, attempt_key = NULL, checkout = NULL"
                                + " FROM checkout_attempt a WHERE a.idempotency_key = c.attempt_key AND a.order_id = ?1")
                .setParameter(1, order.getId())
                .executeUpdate();
    }

    private void recordAttempt(
            CustomerOrder order, String gateway, String status, PaymentResult result) {
        em.createNativeQuery(
                        "INSERT INTO payment_attempt (order_id, gateway, status, reference, amount_minor, currency, message, redirect_url)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, order.getId())
                .setParameter(2, gateway)
                .setParameter(3, status)
                .setParameter(4, result.reference())
                .setParameter(5, order.getTotalMinor())
                .setParameter(6, order.getCurrency())
                .setParameter(7, result.message())
                .setParameter(8, result.redirectUrl())
                .executeUpdate();
    }

    private void answer(String key, int status, String body) {
        em.createNativeQuery(
                        "UPDATE checkout_attempt SET answer_status = ?1, answer_body = ?2 WHERE idempotency_key = ?3")
                .setParameter(1, status)
                .setParameter(2, body)
                .setParameter(3, key)
                .executeUpdate();
    }

    /** A later outcome becomes the answer a repeat of the checkout gets. */
    private void answerForOrder(CustomerOrder order, int status, String body) {
        em.createNativeQuery(
                        "UPDATE checkout_attempt SET answer_status = ?1, answer_body = ?2 WHERE order_id = ?3")
                .setParameter(1, status == 409 ? 402 : status)
                .setParameter(2, body)
                .setParameter(3, order.getId())
                .executeUpdate();
    }

    private static CheckoutAnswer answerOf(CustomerOrder order, int status, String body) {
        return new CheckoutAnswer(
                status,
                order.getOrderNumber(),
                order.getStatus().name(),
                order.getTotalMinor(),
                order.getCurrency(),
                status == 202 ? null : body,
                status == 202 ? body : null);
    }

    public record Checked(
            String email,
            Long accountId,
            PostalAddress address,
            ShippingMethod method,
            String pickupStore,
            Map<String, Integer> quantities,
            String paymentMethod) {}

    /** Every field of the request checked; all that is wrong is reported at once. */
    private Checked check(CheckoutRequest request, String signedInEmail) {
        Map<String, String> problems = new LinkedHashMap<>();
        String email = signedInEmail != null ? signedInEmail : request.email();
        if (!AccountService.isEmail(email)) {
            problems.put("email", "Enter a valid email address, like name@example.com.");
        }
        PostalAddress address = request.shippingAddress();
        if (address == null) {
            problems.put("shippingAddress", "Enter the delivery address.");
        } else {
            address.problems()
                    .forEach((field, message) -> problems.put("shippingAddress." + field, message));
        }
        Optional<ShippingMethod> method = ShippingMethod.of(request.shippingMethod());
        if (method.isEmpty()) {
            problems.put("shippingMethod", "Choose standard, express or click-and-collect.");
        }
        String pickup = null;
        if (method.orElse(null) == ShippingMethod.CLICK_AND_COLLECT) {
            pickup = request.pickupStore() == null ? "" : request.pickupStore().strip();
            String wanted = pickup;
            boolean store =
                    inventory.locations().stream()
                            .anyMatch(
                                    l ->
                                            l.getKind() == LocationKind.STORE
                                                    && l.getCode().equals(wanted));
            if (!store) {
                problems.put("pickupStore", "Choose the store to collect from.");
            }
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        if (request.lines() == null || request.lines().isEmpty()) {
            problems.put("lines", "Add at least one item.");
        } else if (request.lines().size() > PricingService.MAX_LINES) {
            problems.put("lines", "An order has at most " + PricingService.MAX_LINES + " lines.");
        } else {
            for (CheckoutRequest.Line line : request.lines()) {
                if (line == null || line.sku() == null || line.sku().isBlank()) {
                    problems.put("lines", "Each line needs a sku.");
                    continue;
                }
                if (line.quantity() == null || line.quantity() < 1) {
                    problems.put(
                            "lines." + line.sku(),
                            "Choose a quantity of 1 or more for " + line.sku() + ".");
                    continue;
                }
                quantities.merge(line.sku().strip(), line.quantity(), Integer::sum);
            }
        }
        String paymentMethod = request.payment() == null ? null : request.payment().method();
        if (gateways.enabled(paymentMethod).isEmpty()) {
            problems.put(
                    "payment.method",
                    "Choose one of: " + String.join(", ", gateways.enabledIds()) + ".");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems);
        }
        Long accountId =
                accounts.find(email)
                        .filter(a -> signedInEmail != null)
                        .map(a -> a.getId())
                        .orElse(null);
        return new Checked(
                email.strip().toLowerCase(Locale.ROOT),
                accountId,
                address.normalised(),
                method.get(),
                pickup,
                quantities,
                paymentMethod.toLowerCase(Locale.ROOT));
    }
}
