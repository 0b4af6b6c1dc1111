package dev.selvedge.ordering;

import dev.selvedge.account.AccountService;
import dev.selvedge.customer.PostalAddress;
import dev.selvedge.inventory.InventoryService;
import dev.selvedge.inventory.LocationKind;
import dev.selvedge.inventory.Reservation;
import dev.selvedge.inventory.ReservationRequest;
import dev.selvedge.inventory.ReservationService;
import dev.selvedge.notification.Mailbox;
import dev.selvedge.payment.PaymentGateways;
import dev.selvedge.payment.PaymentRequest;
import dev.selvedge.payment.PaymentResult;
import dev.selvedge.pricing.PricingService;
import dev.selvedge.pricing.Quote;
import dev.selvedge.pricing.ShippingMethod;
import dev.selvedge.shared.InvalidFields;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
    @EJB private Mailbox mail;
    @Inject private PaymentGateways gateways;
    @Inject private Clock clock;

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
                reservations.hold(
                        new ReservationRequest(
                                number,
                                quote.lines().stream()
                                        .map(
                                                l ->
                                                        new ReservationRequest.Line(
                                                                l.sku(), l.quantity()))
                                        .toList(),
                                null));
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
                        number, quote.totalMinor(), quote.currency(), checked.email(), null));
    }

    private Begun earlier(String key, String requestHash) {
        Object[] row =
                (Object[])
                        em.createNativeQuery(
                                        "SELECT request_hash, answer_status, order_id FROM checkout_attempt WHERE idempotency_key = ?1")
                                .setParameter(1, key)
                                .getSingleResult();
        if (!requestHash.equals(row[0])) {
            throw new dev.selvedge.shared.Rejected(
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
                Optional.of(answerOf(order, ((Number) row[1]).intValue(), null).repeated()),
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

    public CheckoutAnswer finish(String key, long orderId, String gateway, PaymentResult result) {
        CustomerOrder order = em.find(CustomerOrder.class, orderId);
        em.createNativeQuery(
                        "INSERT INTO payment_attempt (order_id, gateway, status, reference, amount_minor, currency, message)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, orderId)
                .setParameter(2, gateway)
                .setParameter(3, result.status().name())
                .setParameter(4, result.reference())
                .setParameter(5, order.getTotalMinor())
                .setParameter(6, order.getCurrency())
                .setParameter(7, result.message())
                .executeUpdate();
        int status;
        if (result.settlesTheOrder()) {
            reservations.confirm(order.getReservationToken());
            order.confirm(clock.instant());
            status = 201;
            mail.send(
                    order.getEmail(),
                    "Your Selvedge order " + order.getOrderNumber(),
                    confirmation(order));
        } else {
            reservations.release(order.getReservationToken());
            order.paymentFailed();
            status = 402;
        }
        em.createNativeQuery(
                        "UPDATE checkout_attempt SET answer_status = ?1, answer_body = ?2 WHERE idempotency_key = ?3")
                .setParameter(1, status)
                .setParameter(2, result.message())
                .setParameter(3, key)
                .executeUpdate();
        return answerOf(order, status, result.message());
    }

    private static CheckoutAnswer answerOf(CustomerOrder order, int status, String message) {
        return new CheckoutAnswer(
                status,
                order.getOrderNumber(),
                order.getStatus().name(),
                order.getTotalMinor(),
                order.getCurrency(),
                message);
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

    private String confirmation(CustomerOrder order) {
        NumberFormat rupees = NumberFormat.getCurrencyInstance(Locale.forLanguageTag("en-IN"));
        StringBuilder s = new StringBuilder();
        s.append("Thank you for your order ").append(order.getOrderNumber()).append(".\n\n");
        order.getLines()
                .forEach(
                        l ->
                                s.append(l.getQuantity())
                                        .append(" x ")
                                        .append(l.getName())
                                        .append(" (")
                                        .append(l.getColour())
                                        .append(", ")
                                        .append(l.getSize())
                                        .append(")  ")
                                        .append(rupees.format(l.getLineMinor() / 100.0))
                                        .append('\n'));
        s.append("\nShipping: ").append(rupees.format(order.getShippingMinor() / 100.0));
        s.append("\nTotal: ").append(rupees.format(order.getTotalMinor() / 100.0));
        s.append(" (includes GST of ")
                .append(rupees.format(order.getTaxMinor() / 100.0))
                .append(")\n");
        PostalAddress a = order.getShippingAddress();
        s.append(order.getShippingMethod().label());
        if (order.getPickupStore() != null) {
            String store = order.getPickupStore();
            s.append(": ")
                    .append(
                            inventory.locations().stream()
                                    .filter(l -> l.getCode().equals(store))
                                    .map(l -> l.getName())
                                    .findFirst()
                                    .orElse(store));
        }
        s.append("\n").append(a.name()).append(", ").append(a.line1());
        if (a.line2() != null && !a.line2().isBlank()) {
            s.append(", ").append(a.line2());
        }
        s.append(", ").append(a.city()).append(", ").append(a.state()).append(' ');
        s.append(a.postalCode()).append("\n");
        s.append("Payment: ")
                .append(order.getPaymentMethod().equals("cod") ? "on delivery" : "received")
                .append("\n\n");
        s.append("We will email you when it ships.\n");
        return s.toString();
    }
}
