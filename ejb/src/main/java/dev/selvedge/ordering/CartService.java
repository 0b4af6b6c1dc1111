package dev.selvedge.ordering;

import dev.selvedge.catalog.CatalogService;
import dev.selvedge.catalog.ItemView;
import dev.selvedge.pricing.PricingService;
import dev.selvedge.pricing.Quote;
import dev.selvedge.pricing.ShippingMethod;
import dev.selvedge.shared.Digests;
import dev.selvedge.shared.InvalidFields;
import dev.selvedge.shared.RandomTokens;
import dev.selvedge.shared.Rejected;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Shopping bags: add, change and remove lines (a line is one SKU, so one size and colour), live
 * availability, the guest bag handed to the account at sign-in, and the checkout steps kept with
 * the bag. Every change locks the bag's row first, so two tabs cannot interleave their changes.
 */
@Stateless
public class CartService {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB private CatalogService catalog;
    @EJB private PricingService pricing;

    /** A new random bag token for a guest's cookie (256 bits). */
    public static String newToken() {
        return RandomTokens.of(32);
    }

    /** The bag, priced for the delivery chosen so far (standard when none is). */
    public Cart cart(CartOwner owner) {
        Optional<Long> id = find(owner);
        if (id.isEmpty()) {
            return new Cart(List.of(), null);
        }
        Map<String, Integer> quantities = quantities(id.get());
        if (quantities.isEmpty()) {
            return new Cart(List.of(), null);
        }
        Map<String, ItemView> items = catalog.items(quantities.keySet());
        quantities.keySet().retainAll(items.keySet());
        List<Cart.Line> lines = new ArrayList<>();
        quantities.forEach(
                (sku, quantity) -> {
                    ItemView item = items.get(sku);
                    lines.add(
                            new Cart.Line(
                                    item,
                                    quantity,
                                    item.unitMinor() * quantity,
                                    Cart.problemOf(item, quantity)));
                });
        if (lines.isEmpty()) {
            return new Cart(List.of(), null);
        }
        ShippingMethod method =
                ShippingMethod.of(draftOf(id.get()).shippingMethod())
                        .orElse(ShippingMethod.STANDARD);
        Quote quote = pricing.quote(quantities, method);
        return new Cart(lines, quote);
    }

    /** Pieces in the bag, for the header. */
    public int count(CartOwner owner) {
        return find(owner)
                .map(id -> quantities(id).values().stream().mapToInt(q -> q).sum())
                .orElse(0);
    }

    /** Adds pieces of a SKU (more of a line already there), refusing what cannot be sold. */
    public void add(CartOwner owner, String sku, Integer quantity) {
        if (sku == null || sku.isBlank()) {
            throw new InvalidFields(Map.of("sku", "Choose a size."));
        }
        checkQuantity(quantity);
        ItemView item = item(sku.strip());
        long id = lockOrCreate(owner);
        Map<String, Integer> lines = quantities(id);
        int inBag = lines.getOrDefault(item.sku(), 0);
        if (inBag == 0 && lines.size() >= PricingService.MAX_LINES) {
            throw new InvalidFields(
                    Map.of(
                            "sku",
                            "Your bag holds up to "
                                    + PricingService.MAX_LINES
                                    + " different items; remove one to add another."));
        }
        int wanted = inBag + quantity;
        checkStock(item, wanted, inBag);
        if (wanted > PricingService.MAX_QUANTITY) {
            throw new InvalidFields(
                    Map.of(
                            "quantity",
                            "You can have up to "
                                    + PricingService.MAX_QUANTITY
                                    + " of one item; "
                                    + inBag
                                    + " are in your bag already."));
        }
        write(id, item.sku(), wanted);
    }

    /** Sets how many of a line; zero, negative and more than can be sold are refused. */
    public void setQuantity(CartOwner owner, String sku, Integer quantity) {
        checkQuantity(quantity);
        ItemView item = item(sku);
        long id = lockExisting(owner, sku);
        checkStock(item, quantity, 0);
        write(id, item.sku(), quantity);
    }

    /** Swaps a line for another size (or colour) of the same product, keeping its quantity. */
    public void changeSku(CartOwner owner, String sku, String newSku) {
        if (sku.equals(newSku)) {
            return;
        }
        ItemView from = item(sku);
        ItemView to = item(newSku);
        if (!from.productSlug().equals(to.productSlug())) {
            throw new Rejected(400, "Choose a size of the same product.");
        }
        long id = lockExisting(owner, sku);
        Map<String, Integer> quantities = quantities(id);
        int wanted =
                Math.min(
                        quantities.get(sku) + quantities.getOrDefault(newSku, 0),
                        PricingService.MAX_QUANTITY);
        checkStock(to, wanted, 0);
        delete(id, sku);
        write(id, newSku, wanted);
    }

    public void remove(CartOwner owner, String sku) {
        find(owner)
                .ifPresent(
                        id -> {
                            lock(id);
                            delete(id, sku);
                        });
    }

    /**
     * At sign-in: the guest's bag joins the account's (quantities added, at most the limit per
     * item), the guest's checkout progress carries over when it has some, and the account's bag is
     * then found by {@code newToken} too, so that a session that times out mid-checkout can send
     * the shopper to sign in and come back to the same bag.
     */
    public void signedIn(String guestToken, long accountId, String newToken) {
        long accountCart = lockOrCreate(new CartOwner.Account(accountId));
        if (guestToken != null) {
            find(new CartOwner.Guest(guestToken))
                    .ifPresent(
                            guestCart -> {
                                em.createNativeQuery(
                                                "INSERT INTO cart_line (cart_id, sku, quantity, added_at)"
                                                        + " SELECT ?1, sku, quantity, added_at FROM cart_line WHERE cart_id = ?2"
                                                        + " ON CONFLICT (cart_id, sku) DO UPDATE"
                                                        + " SET quantity = LEAST(cart_line.quantity + EXCLUDED.quantity, ?3)")
                                        .setParameter(1, accountCart)
                                        .setParameter(2, guestCart)
                                        .setParameter(3, PricingService.MAX_QUANTITY)
                                        .executeUpdate();
                                em.createNativeQuery(
                                                "UPDATE cart a SET checkout = COALESCE(g.checkout, a.checkout), attempt_key = NULL"
                                                        + " FROM cart g WHERE a.id = ?1 AND g.id = ?2")
                                        .setParameter(1, accountCart)
                                        .setParameter(2, guestCart)
                                        .executeUpdate();
                                em.createNativeQuery("DELETE FROM cart WHERE id = ?1")
                                        .setParameter(1, guestCart)
                                        .executeUpdate();
                            });
        }
        em.createNativeQuery("UPDATE cart SET token_hash = ?1 WHERE id = ?2")
                .setParameter(1, Digests.sha256Hex(newToken))
                .setParameter(2, accountCart)
                .executeUpdate();
    }

    /**
     * The guest token belongs to a signed-in shopper's bag (their session ended): the shopper is
     * asked to sign in again rather than shown the bag, which may hold their address.
     */
    public boolean heldByAccount(String guestToken) {
        return !em.createNativeQuery(
                        "SELECT 1 FROM cart WHERE token_hash = ?1 AND account_id IS NOT NULL")
                .setParameter(1, Digests.sha256Hex(guestToken))
                .getResultList()
                .isEmpty();
    }

    public CheckoutDraft draft(CartOwner owner) {
        return find(owner).map(this::draftOf).orElse(CheckoutDraft.EMPTY);
    }

    /** Saves the checkout steps so far; the next "Place order" is a new attempt. */
    public void saveDraft(CartOwner owner, CheckoutDraft draft) {
        long id = lockOrCreate(owner);
        em.createNativeQuery("UPDATE cart SET checkout = ?1, attempt_key = NULL WHERE id = ?2")
                .setParameter(1, JSONB.toJson(draft))
                .setParameter(2, id)
                .executeUpdate();
    }

    /**
     * What "Place order" places: the bag, its checkout steps and the Idempotency-Key of the order
     * about to be placed (the same until the bag changes), read together under the bag's lock. A
     * press that comes after another press placed the order therefore sees the emptied bag and that
     * order, never the old lines under a new key (which would place the order twice).
     */
    public Attempt attempt(CartOwner owner) {
        long id = lockOrCreate(owner);
        Cart cart = cart(owner);
        if (cart.isEmpty()) {
            // A press from a review page left open for long finds an empty bag, not an old order.
            Instant recent = Instant.now().minus(Duration.ofMinutes(10));
            return new Attempt(
                    cart,
                    CheckoutDraft.EMPTY,
                    null,
                    placedOrder(owner).filter(o -> o.getCreatedAt().isAfter(recent)));
        }
        return new Attempt(cart, draftOf(id), attemptKey(id), Optional.empty());
    }

    /** The bag as "Place order" found it; {@code placed} only when the bag was already emptied. */
    public record Attempt(
            Cart cart, CheckoutDraft draft, String key, Optional<CustomerOrder> placed) {}

    private String attemptKey(long id) {
        return (String)
                em.createNativeQuery(
                                "UPDATE cart SET attempt_key = COALESCE(attempt_key, ?1) WHERE id = ?2 RETURNING attempt_key")
                        .setParameter(1, "bag-" + UUID.randomUUID())
                        .setParameter(2, id)
                        .getSingleResult();
    }

    /** The attempt failed (payment declined): the next press is a new attempt. */
    public void newAttempt(CartOwner owner, String failedKey) {
        find(owner)
                .ifPresent(
                        id ->
                                em.createNativeQuery(
                                                "UPDATE cart SET attempt_key = NULL WHERE id = ?1 AND attempt_key = ?2")
                                        .setParameter(1, id)
                                        .setParameter(2, failedKey)
                                        .executeUpdate());
    }

    /** The order this bag's current attempt made (waiting for the provider's answer), if any. */
    public Optional<String> orderInProgress(CartOwner owner) {
        return find(owner)
                .flatMap(
                        id ->
                                em.createNativeQuery(
                                                "SELECT o.order_number FROM cart c JOIN checkout_attempt a ON a.idempotency_key = c.attempt_key"
                                                        + " JOIN customer_order o ON o.id = a.order_id WHERE c.id = ?1")
                                        .setParameter(1, id)
                                        .getResultStream()
                                        .findFirst()
                                        .map(String::valueOf));
    }

    /** The shopper left the provider's page: the next "Place order" is a new attempt. */
    public void dropAttempt(CartOwner owner) {
        find(owner)
                .ifPresent(
                        id ->
                                em.createNativeQuery(
                                                "UPDATE cart SET attempt_key = NULL WHERE id = ?1")
                                        .setParameter(1, id)
                                        .executeUpdate());
    }

    /**
     * The order is placed: the bag empties, the checkout steps are forgotten and the order is
     * remembered for the confirmation page. Only once, for the attempt that placed it.
     */
    public void checkedOut(CartOwner owner, String attemptKey, String orderNumber) {
        find(owner)
                .ifPresent(
                        id -> {
                            lock(id);
                            int done =
                                    em.createNativeQuery(
                                                    "UPDATE cart SET checkout = NULL, attempt_key = NULL,"
                                                            + " placed_order_id = (SELECT id FROM customer_order WHERE order_number = ?1)"
                                                            + " WHERE id = ?2 AND attempt_key = ?3")
                                            .setParameter(1, orderNumber)
                                            .setParameter(2, id)
                                            .setParameter(3, attemptKey)
                                            .executeUpdate();
                            if (done == 1) {
                                em.createNativeQuery("DELETE FROM cart_line WHERE cart_id = ?1")
                                        .setParameter(1, id)
                                        .executeUpdate();
                            }
                        });
    }

    /** The last order placed from this bag, for its confirmation page. */
    public Optional<CustomerOrder> placedOrder(CartOwner owner) {
        return find(owner)
                .flatMap(
                        id ->
                                em.createNativeQuery(
                                                "SELECT placed_order_id FROM cart WHERE id = ?1 AND placed_order_id IS NOT NULL")
                                        .setParameter(1, id)
                                        .getResultStream()
                                        .findFirst()
                                        .map(
                                                o ->
                                                        em.find(
                                                                CustomerOrder.class,
                                                                ((Number) o).longValue())));
    }

    /** Guest bags untouched for 30 days go (an account's bag stays). */
    @Schedule(hour = "4", minute = "17", persistent = false)
    public void forgetAbandoned() {
        em.createNativeQuery(
                        "DELETE FROM cart WHERE account_id IS NULL AND updated_at < now() - interval '30 days'")
                .executeUpdate();
    }

    private static void checkQuantity(Integer quantity) {
        if (quantity == null || quantity < 1 || quantity > PricingService.MAX_QUANTITY) {
            throw new InvalidFields(
                    Map.of(
                            "quantity",
                            "Choose a quantity from 1 to "
                                    + PricingService.MAX_QUANTITY
                                    + " (use Remove to take an item out)."));
        }
    }

    private static void checkStock(ItemView item, int wanted, int inBag) {
        if (item.available() == 0) {
            throw new InvalidFields(
                    Map.of("sku", "Sorry, size " + item.size() + " has just sold out."));
        }
        if (wanted > item.available()) {
            throw new InvalidFields(
                    Map.of(
                            "quantity",
                            "Only "
                                    + item.available()
                                    + " left in size "
                                    + item.size()
                                    + (inBag > 0
                                            ? ", and " + inBag + " are in your bag already."
                                            : ".")));
        }
    }

    private ItemView item(String sku) {
        ItemView item = catalog.items(List.of(sku)).get(sku);
        if (item == null) {
            throw new Rejected(404, "There is no item " + sku + ".");
        }
        return item;
    }

    private Optional<Long> find(CartOwner owner) {
        List<?> ids;
        if (owner instanceof CartOwner.Account a) {
            ids =
                    em.createNativeQuery("SELECT id FROM cart WHERE account_id = ?1")
                            .setParameter(1, a.accountId())
                            .getResultList();
        } else {
            ids =
                    em.createNativeQuery(
                                    "SELECT id FROM cart WHERE token_hash = ?1 AND account_id IS NULL")
                            .setParameter(1, Digests.sha256Hex(((CartOwner.Guest) owner).token()))
                            .getResultList();
        }
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    private long lockOrCreate(CartOwner owner) {
        if (owner instanceof CartOwner.Account a) {
            em.createNativeQuery(
                            "INSERT INTO cart (account_id) VALUES (?1) ON CONFLICT (account_id) DO NOTHING")
                    .setParameter(1, a.accountId())
                    .executeUpdate();
        } else {
            em.createNativeQuery(
                            "INSERT INTO cart (token_hash) VALUES (?1) ON CONFLICT (token_hash) DO NOTHING")
                    .setParameter(1, Digests.sha256Hex(((CartOwner.Guest) owner).token()))
                    .executeUpdate();
        }
        long id =
                find(owner)
                        .orElseThrow(() -> new Rejected(409, "Sign in again to change this bag."));
        lock(id);
        return id;
    }

    private long lockExisting(CartOwner owner, String sku) {
        long id = find(owner).orElseThrow(() -> new Rejected(404, "Your bag is empty."));
        lock(id);
        if (!quantities(id).containsKey(sku)) {
            throw new Rejected(404, "That item is no longer in your bag.");
        }
        return id;
    }

    /** Locks the bag's row (until the transaction ends) and marks it as used now. */
    private void lock(long id) {
        em.createNativeQuery("UPDATE cart SET updated_at = now() WHERE id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    /** The lines changed: the order about to be placed is a different one now. */
    private void linesChanged(long id) {
        em.createNativeQuery("UPDATE cart SET attempt_key = NULL WHERE id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    private Map<String, Integer> quantities(long id) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT sku, quantity FROM cart_line WHERE cart_id = ?1 ORDER BY added_at, sku")
                        .setParameter(1, id)
                        .getResultList();
        rows.forEach(r -> quantities.put((String) r[0], ((Number) r[1]).intValue()));
        return quantities;
    }

    private void write(long id, String sku, int quantity) {
        em.createNativeQuery(
                        "INSERT INTO cart_line (cart_id, sku, quantity) VALUES (?1, ?2, ?3)"
                                + " ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = EXCLUDED.quantity")
                .setParameter(1, id)
                .setParameter(2, sku)
                .setParameter(3, quantity)
                .executeUpdate();
        linesChanged(id);
    }

    private void delete(long id, String sku) {
        em.createNativeQuery("DELETE FROM cart_line WHERE cart_id = ?1 AND sku = ?2")
                .setParameter(1, id)
                .setParameter(2, sku)
                .executeUpdate();
        linesChanged(id);
    }

    private CheckoutDraft draftOf(long id) {
        Object json =
                em.createNativeQuery("SELECT checkout FROM cart WHERE id = ?1")
                        .setParameter(1, id)
                        .getSingleResult();
        return json == null
                ? CheckoutDraft.EMPTY
                : JSONB.fromJson((String) json, CheckoutDraft.class);
    }
}
