package dev.selvedge.web.shop;

import dev.selvedge.account.AccountService;
import dev.selvedge.customer.Address;
import dev.selvedge.customer.AddressBook;
import dev.selvedge.customer.PostalAddress;
import dev.selvedge.inventory.InventoryService;
import dev.selvedge.inventory.Location;
import dev.selvedge.inventory.LocationKind;
import dev.selvedge.inventory.SoldOut;
import dev.selvedge.ordering.Cart;
import dev.selvedge.ordering.CartOwner;
import dev.selvedge.ordering.CartService;
import dev.selvedge.ordering.CheckoutAnswer;
import dev.selvedge.ordering.CheckoutDraft;
import dev.selvedge.ordering.CheckoutService;
import dev.selvedge.ordering.CustomerOrder;
import dev.selvedge.ordering.OrderStatus;
import dev.selvedge.payment.PaymentGateway;
import dev.selvedge.payment.PaymentGateways;
import dev.selvedge.pricing.PricingService;
import dev.selvedge.pricing.ShippingMethod;
import dev.selvedge.shared.InvalidFields;
import dev.selvedge.shared.Rejected;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.omnifaces.util.Faces;

/**
 * The checkout pages under {@code /checkout/}: contact, address, delivery, payment, review, then
 * the confirmation. Each step is saved with the bag as it is completed, so that a reload, the back
 * button or a session that times out loses nothing; a step opened before the ones it needs sends
 * the shopper back to the first one missing.
 */
@Named
@RequestScoped
public class CheckoutFlow {

    public enum Step {
        CONTACT,
        ADDRESS,
        DELIVERY,
        PAYMENT,
        REVIEW;

        String url() {
            return "/checkout/" + name().toLowerCase() + ".xhtml";
        }
    }

    /** The demo gateway's cards, each standing for what a real card might do. */
    public static final Map<String, String> TEST_CARDS =
            new LinkedHashMap<>(
                    Map.of(
                            "tok_ok", "Card that pays",
                            "tok_declined", "Card that is declined",
                            "tok_error", "Card whose bank does not answer"));

    @Inject private BagCookie bags;
    @EJB private CartService carts;
    @EJB private CheckoutService checkout;
    @EJB private AddressBook addressBook;
    @EJB private InventoryService inventory;
    @EJB private PricingService pricing;
    @Inject private PaymentGateways gateways;

    private Optional<CartOwner> owner;
    private Cart cart;
    private CheckoutDraft draft;
    private String email;
    private final Map<String, String> address = new HashMap<>();
    private String shippingMethod;
    private String pickupStore;
    private String paymentMethod;
    private String testCard;

    @PostConstruct
    void load() {
        owner = bags.owner(Faces.getRequest());
        cart = owner.map(carts::cart).orElse(new Cart(List.of(), null));
        draft = owner.map(carts::draft).orElse(CheckoutDraft.EMPTY);
        email = signedInEmail() != null ? signedInEmail() : draft.email();
        PostalAddress known = draft.address();
        if (known == null && signedInEmail() != null) {
            known =
                    addressBook.of(signedInEmail()).stream()
                            .filter(Address::isDefault)
                            .findFirst()
                            .map(Address::toPostalAddress)
                            .orElse(null);
        }
        if (known != null) {
            fill(known);
        }
        shippingMethod = draft.shippingMethod();
        pickupStore = draft.pickupStore();
        paymentMethod = draft.paymentMethod();
        testCard = draft.paymentToken() == null ? "tok_ok" : draft.paymentToken();
    }

    /**
     * View action of each step: to the bag when it is empty, to sign in when the shopper's session
     * ended (their bag is their account's), to the first missing step when one is skipped.
     */
    public void guard(String stepName) {
        Step step = Step.valueOf(stepName);
        if (bags.sessionEnded(Faces.getRequest())) {
            redirect(
                    "/sign-in.xhtml?ended=true&next="
                            + URLEncoder.encode(step.url(), StandardCharsets.UTF_8));
        } else if (cart.isEmpty()) {
            redirect("/bag.xhtml");
        } else if (firstMissing().ordinal() < step.ordinal()) {
            redirect(firstMissing().url());
        }
    }

    /** The first step not yet done (REVIEW when all are). */
    public Step firstMissing() {
        if (email == null) {
            return Step.CONTACT;
        }
        if (draft.address() == null) {
            return Step.ADDRESS;
        }
        Optional<ShippingMethod> method = ShippingMethod.of(draft.shippingMethod());
        if (method.isEmpty()
                || (method.get() == ShippingMethod.CLICK_AND_COLLECT
                        && draft.pickupStore() == null)) {
            return Step.DELIVERY;
        }
        if (gateways.enabled(draft.paymentMethod()).isEmpty()) {
            return Step.PAYMENT;
        }
        return Step.REVIEW;
    }

    public String saveContact() {
        if (!AccountService.isEmail(email)) {
            AccountForms.fieldError(
                    "contact:email", "Enter a valid email address, like name@example.com.");
            return null;
        }
        save(draft.withEmail(email.strip()));
        return next(Step.ADDRESS);
    }

    public String saveAddress() {
        PostalAddress typed =
                new PostalAddress(
                        address.get("name"),
                        address.get("line1"),
                        address.get("line2"),
                        address.get("city"),
                        address.get("state"),
                        address.get("postalCode"),
                        "IN",
                        address.get("phone"));
        Map<String, String> problems = typed.problems();
        if (!problems.isEmpty()) {
            problems.forEach(
                    (field, message) -> AccountForms.fieldError("address:" + field, message));
            return null;
        }
        save(draft.withAddress(typed.normalised()));
        return next(Step.DELIVERY);
    }

    /** A signed-in shopper picks one of their saved addresses. */
    public String useSaved(long addressId) {
        return getSavedAddresses().stream()
                .filter(a -> a.getId() == addressId)
                .findFirst()
                .map(
                        a -> {
                            save(draft.withAddress(a.toPostalAddress()));
                            return next(Step.DELIVERY);
                        })
                .orElse(null);
    }

    public String saveDelivery() {
        Optional<ShippingMethod> method = ShippingMethod.of(shippingMethod);
        if (method.isEmpty()) {
            AccountForms.fieldError("delivery:method", "Choose how your order reaches you.");
            return null;
        }
        String store = null;
        if (method.get() == ShippingMethod.CLICK_AND_COLLECT) {
            store = pickupStore;
            if (getStores().stream().noneMatch(s -> s.getCode().equals(pickupStore))) {
                AccountForms.fieldError("delivery:store", "Choose the store to collect from.");
                return null;
            }
        }
        save(draft.withShipping(method.get().code(), store));
        return next(Step.PAYMENT);
    }

    public String savePayment() {
        Optional<PaymentGateway> gateway = gateways.enabled(paymentMethod);
        if (gateway.isEmpty()) {
            AccountForms.fieldError("payment:method", "Choose how to pay.");
            return null;
        }
        String token = null;
        if (gateway.get().id().equals("test")) {
            if (!TEST_CARDS.containsKey(testCard)) {
                AccountForms.fieldError("payment:card", "Choose a test card.");
                return null;
            }
            token = testCard;
        }
        save(draft.withPayment(gateway.get().id(), token));
        return next(Step.REVIEW);
    }

    /** "Place order": once, however often it is pressed; the answer decides where to go. */
    public String placeOrder() {
        try {
            CheckoutAnswer answer = checkout.placeFromBag(owner.orElseThrow(), signedInEmail());
            if (answer.status() == 202) {
                // Card details are typed on the provider's page only; it sends the shopper back.
                FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .redirect(answer.paymentUrl());
                return null;
            }
            if (answer.status() == 402) {
                AccountForms.formError(
                        "Your payment did not go through: "
                                + answer.paymentMessage()
                                + " Nothing was charged and your bag is as it was.");
                return null;
            }
            return "/checkout/confirmation.xhtml?faces-redirect=true";
        } catch (SoldOut e) {
            Faces.getFlash().setKeepMessages(true);
            AccountForms.formError(
                    "Sorry: while you were checking out, "
                            + (e.available() == 0
                                    ? e.sku() + " sold out."
                                    : "only " + e.available() + " of " + e.sku() + " remained.")
                            + " Your bag shows what is left; nothing was charged.");
            return "/bag.xhtml?faces-redirect=true";
        } catch (InvalidFields e) {
            Faces.getFlash().setKeepMessages(true);
            e.fields().values().forEach(AccountForms::formError);
            return firstMissing().url() + "?faces-redirect=true";
        } catch (Rejected e) {
            AccountForms.formError(e.getMessage());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * View action of {@code /checkout/return.xhtml?order=}: the provider sent the shopper back. The
     * provider is asked how the payment went (its webhook may have said so already): paid leads to
     * the confirmation, failed or left back to the review; still open waits here.
     */
    public void returned() {
        String number = Faces.getRequestParameter("order");
        Map<String, String> fromProvider = new HashMap<>();
        Faces.getRequestParameterMap()
                .forEach(
                        (name, value) -> {
                            if (name.startsWith("razorpay_") || name.startsWith("error[")) {
                                fromProvider.put(name, value);
                            }
                        });
        if (number != null && !fromProvider.isEmpty()) {
            // Posted back by the provider's page (cross-site, so without this shop's cookies):
            // the signed answer is applied first, then the shopper comes back here by GET.
            boolean failed = fromProvider.keySet().stream().anyMatch(n -> n.startsWith("error["));
            try {
                checkout.settleFromProvider(number, fromProvider);
            } catch (Rejected e) {
                failed = true;
            }
            redirect(
                    "/checkout/return.xhtml?order="
                            + URLEncoder.encode(number, StandardCharsets.UTF_8)
                            + (failed ? "&cancelled=true" : ""));
            return;
        }
        if (owner.isEmpty() || number == null) {
            redirect("/bag.xhtml");
            return;
        }
        boolean ours = owner.flatMap(carts::orderInProgress).filter(number::equals).isPresent();
        boolean placed =
                owner.flatMap(carts::placedOrder)
                        .filter(o -> o.getOrderNumber().equals(number))
                        .isPresent();
        if (!ours && !placed) {
            redirect("/bag.xhtml");
            return;
        }
        OrderStatus status = checkout.settleFromProvider(number);
        boolean left = "true".equals(Faces.getRequestParameter("cancelled"));
        if (status == OrderStatus.PENDING_PAYMENT && left) {
            // The shopper left the provider's page: it is closed where the provider allows, so
            // the stock goes back now rather than when the page would have expired.
            status = checkout.leftProviderPage(number);
        }
        if (status.isPlaced()) {
            redirect("/checkout/confirmation.xhtml");
        } else if (left || status != OrderStatus.PENDING_PAYMENT) {
            Faces.getFlash().setKeepMessages(true);
            AccountForms.formError(
                    left
                            ? "You left the payment page, so nothing was charged. Place the order again when you are ready."
                            : "The payment was not completed, so nothing was charged. Your bag is as it was: try again or choose another way to pay.");
            carts.dropAttempt(owner.get());
            redirect("/checkout/review.xhtml");
        }
        // Still open: the page waits and looks again.
    }

    /** The order just placed from this bag, for the confirmation page; else to the bag. */
    public CustomerOrder getPlaced() {
        return owner.flatMap(carts::placedOrder).orElse(null);
    }

    public void requirePlaced() {
        if (getPlaced() == null) {
            redirect("/bag.xhtml");
        }
    }

    public Cart getCart() {
        return cart;
    }

    public CheckoutDraft getDraft() {
        return draft;
    }

    public boolean isSignedIn() {
        return signedInEmail() != null;
    }

    public List<Address> getSavedAddresses() {
        return signedInEmail() == null ? List.of() : addressBook.of(signedInEmail());
    }

    public List<String> getStates() {
        return PostalAddress.STATES.stream().sorted().toList();
    }

    public List<Location> getStores() {
        return inventory.locations().stream()
                .filter(l -> l.getKind() == LocationKind.STORE)
                .toList();
    }

    public String storeName(String code) {
        return getStores().stream()
                .filter(s -> s.getCode().equals(code))
                .map(Location::getName)
                .findFirst()
                .orElse(code);
    }

    /** Each way of delivery with what it costs for this bag. */
    public List<ShippingOption> getShippingOptions() {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        cart.lines().forEach(l -> quantities.put(l.item().sku(), l.quantity()));
        return Arrays.stream(ShippingMethod.values())
                .map(
                        m ->
                                new ShippingOption(
                                        m.code(),
                                        m.label(),
                                        pricing.quote(quantities, m).shippingMinor()))
                .toList();
    }

    public record ShippingOption(String code, String label, long priceMinor) {}

    public List<PaymentGateway> getPaymentMethods() {
        return gateways.list().stream().filter(gateways::offered).toList();
    }

    public boolean isTestOffered() {
        return gateways.enabled("test").isPresent();
    }

    public String paymentLabel(String id) {
        return gateways.byId(id).map(PaymentGateway::label).orElse(id);
    }

    public Map<String, String> getTestCards() {
        return TEST_CARDS;
    }

    public String methodLabel(String code) {
        return ShippingMethod.of(code).map(ShippingMethod::label).orElse(code);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Map<String, String> getAddress() {
        return address;
    }

    public String getShippingMethod() {
        return shippingMethod;
    }

    public void setShippingMethod(String shippingMethod) {
        this.shippingMethod = shippingMethod;
    }

    public String getPickupStore() {
        return pickupStore;
    }

    public void setPickupStore(String pickupStore) {
        this.pickupStore = pickupStore;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(String paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public String getTestCard() {
        return testCard;
    }

    public void setTestCard(String testCard) {
        this.testCard = testCard;
    }

    private void fill(PostalAddress a) {
        address.put("name", a.name());
        address.put("line1", a.line1());
        address.put("line2", a.line2());
        address.put("city", a.city());
        address.put("state", a.state());
        address.put("postalCode", a.postalCode());
        address.put("phone", a.phone());
    }

    private void save(CheckoutDraft changed) {
        carts.saveDraft(bags.ownerForChange(Faces.getRequest(), Faces.getResponse()), changed);
        draft = changed;
    }

    private static String next(Step step) {
        return step.url() + "?faces-redirect=true";
    }

    private String signedInEmail() {
        HttpServletRequest request = Faces.getRequest();
        return request.getRemoteUser() != null && request.isUserInRole("CUSTOMER")
                ? request.getRemoteUser()
                : null;
    }

    private static void redirect(String path) {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        try {
            context.redirect(context.getRequestContextPath() + path);
            FacesContext.getCurrentInstance().responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
