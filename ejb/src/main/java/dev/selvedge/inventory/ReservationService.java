package dev.selvedge.inventory;

import dev.selvedge.shared.LimitReached;
import dev.selvedge.shared.RandomTokens;
import dev.selvedge.shared.Rejected;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds units for checkouts: a hold takes units that can be sold online now, or fails with {@link
 * SoldOut} and holds nothing; payment turns it into a sale ({@link #confirm}); cancel, failure or
 * expiry gives the units back. Every change is a locked, conditional update in PostgreSQL, and the
 * database refuses to hold more than is on hand.
 */
@Stateless
public class ReservationService {

    static final int MAX_LINES = 50;
    static final int MAX_UNITS_PER_SKU = 20;

    /** The holder of every checkout's holds; no API caller can name it. */
    public static final String CHECKOUT = "checkout";

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "selvedge.reservation.hold-minutes", defaultValue = "15")
    private int defaultHoldMinutes;

    @Inject
    @ConfigProperty(name = "selvedge.reservation.max-open-per-till", defaultValue = "20")
    private int maxOpenPerTill;

    /**
     * The allocation rule for online orders: when true, one location that has every line sends the
     * whole order (one parcel); otherwise, or when none has, each SKU is held where the preference
     * says, split over locations only where one has too few.
     */
    @Inject
    @ConfigProperty(name = "selvedge.allocation.one-location-first", defaultValue = "true")
    private boolean oneLocationFirst;

    /** Which locations come first: {@code warehouse} (the default) or {@code store}. */
    @Inject
    @ConfigProperty(name = "selvedge.allocation.prefer", defaultValue = "warehouse")
    private String prefer;

    /**
     * The connection of this transaction's persistence context. The checkout writes through JPA
     * before it holds stock: a connection of its own here would make each checkout hold one pooled
     * connection while it waits for a second, and under load every request thread would wait so
     * (seen: the pool ran dry at 64 concurrent checkouts and none finished). One connection also
     * makes the order and its hold one database transaction. It goes back to the pool when the
     * transaction ends, so it is not closed here.
     */
    private Connection connection() {
        return em.unwrap(Connection.class);
    }

    /** Holds the units of an order of the shop's own checkout, all or nothing. */
    public Reservation holdForCheckout(ReservationRequest request) {
        return holdForCheckout(request, null);
    }

    /**
     * As {@link #holdForCheckout(ReservationRequest)}, for an order collected at {@code
     * pickupStore} (null when delivered): that store comes first, and it may give its units even
     * when it does not ship to shoppers. Stores that do not ship give nothing to a delivery.
     */
    public Reservation holdForCheckout(ReservationRequest request, String pickupStore) {
        return hold(CHECKOUT, request, new Where(true, pickupStore));
    }

    /**
     * Units an online order could hold now, per SKU, by the same rule as its hold: at locations
     * that ship, and its pickup store ({@code pickupStore}, null for a delivery). A check before a
     * hold that must not fail (a hold that fails marks the transaction for rollback).
     */
    public Map<String, Integer> holdable(java.util.Collection<String> skus, String pickupStore) {
        Map<String, Integer> found = new java.util.HashMap<>();
        skus.forEach(sku -> found.put(sku, 0));
        if (skus.isEmpty()) {
            return found;
        }
        Connection c = connection();
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT v.sku, COALESCE(SUM(sellable(s, l)), 0)::INT FROM variant v"
                                + " JOIN stock_level s ON s.variant_id = v.id JOIN location l ON l.id = s.location_id"
                                + " WHERE v.sku = ANY(?) AND "
                                + shipsOrCollects()
                                + " GROUP BY v.sku")) {
            st.setArray(1, c.createArrayOf("varchar", skus.toArray()));
            st.setString(2, String.valueOf(pickupStore));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getInt(2));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read what can be held", e);
        }
    }

    /**
     * Where a hold may take units from: for an online order, only locations that ship (and its
     * pickup store); a till's hold anywhere that sells online.
     */
    private record Where(boolean online, String pickupStore) {}

    /**
     * Holds units for a till (a store's POS middleware), all or nothing, within the till's limit of
     * open holds. Its references are its own: they never meet a checkout's or another till's.
     */
    public Reservation holdForTill(PosTerminal till, ReservationRequest request) {
        return hold(tillHolder(till), request, new Where(false, null));
    }

    /** A till's hold, if that till made it. */
    public Optional<Reservation> tillHold(PosTerminal till, String token) {
        try {
            Connection c = connection();
            return find(c, "token", token).filter(r -> owns(c, tillHolder(till), token));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a reservation", e);
        }
    }

    /** A reservation by its token, with where each of its units is (or was) held. */
    public Optional<Reservation> byToken(String token) {
        try {
            return find(connection(), "token", token);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a reservation", e);
        }
    }

    /** Gives back a till's hold; a token the till did not make is unknown to it. */
    public Reservation releaseForTill(PosTerminal till, String token) {
        tillHold(till, token)
                .orElseThrow(() -> new Rejected(404, "This till has no such reservation"));
        return release(token);
    }

    private static String tillHolder(PosTerminal till) {
        return "till:" + till.id();
    }

    private static boolean owns(Connection c, String holder, String token) {
        try (PreparedStatement st =
                c.prepareStatement("SELECT 1 FROM reservation WHERE token = ? AND holder = ?")) {
            st.setString(1, token);
            st.setString(2, holder);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a reservation", e);
        }
    }

    /**
     * Holds units, all or nothing. The same holder and reference again gives that holder's first
     * reservation back and holds nothing more; another holder's reference is never looked at.
     */
    private Reservation hold(String holder, ReservationRequest request, Where where) {
        Map<String, Integer> wanted = check(request);
        int minutes = request.holdMinutes() == null ? defaultHoldMinutes : request.holdMinutes();
        try {
            Connection c = connection();
            Optional<Reservation> earlier = findOwn(c, holder, request.reference());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (!CHECKOUT.equals(holder)) {
                limitOpenHolds(c, holder);
            }
            Map<Long, String> variants = variantIds(c, wanted.keySet());
            StockWrites.describe(c, "ONLINE", "RESERVE", request.reference(), holder, null, null);
            StockWrites.lockSkus(
                    c, variants.keySet().stream().mapToLong(Long::longValue).toArray());
            long reservationId;
            try (PreparedStatement st =
                    c.prepareStatement(
                            "INSERT INTO reservation (token, holder, reference, status, expires_at)"
                                    + " VALUES (?, ?, ?, 'HELD', now() + make_interval(mins => ?))"
                                    + " ON CONFLICT (holder, reference) DO NOTHING RETURNING id")) {
                st.setString(1, newToken());
                st.setString(2, holder);
                st.setString(3, request.reference());
                st.setInt(4, minutes);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        // A concurrent hold with the same reference won; give its answer.
                        throw new Rejected(
                                409,
                                "A reservation with reference '"
                                        + request.reference()
                                        + "' is being made; ask again");
                    }
                    reservationId = rs.getLong(1);
                }
            }
            long first =
                    where.online() && oneLocationFirst
                            ? oneLocationForAll(c, variants, wanted, where).orElse(-1L)
                            : -1L;
            for (Map.Entry<Long, String> variant : variants.entrySet()) {
                allocate(
                        c,
                        reservationId,
                        variant.getKey(),
                        variant.getValue(),
                        wanted.get(variant.getValue()),
                        where,
                        first);
            }
            return find(c, "id", reservationId).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hold stock for " + request.reference(), e);
        }
    }

    /**
     * Refuses a new hold when the holder has its limit of open holds. The per-holder advisory lock
     * makes count and insert one step for that holder only (checkouts never take it).
     */
    private void limitOpenHolds(Connection c, String holder) throws SQLException {
        // Two statements: a count in the same statement as the lock would read a snapshot taken
        // before the lock was granted, and miss the holds committed while it waited.
        try (PreparedStatement st =
                c.prepareStatement("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?))")) {
            st.setString(1, "reservation-holder:" + holder);
            st.executeQuery().close();
        }
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT count(*) FROM reservation WHERE holder = ? AND status = 'HELD'")) {
            st.setString(1, holder);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getLong(1) >= maxOpenPerTill) {
                    throw new LimitReached(
                            "This till has "
                                    + maxOpenPerTill
                                    + " open holds, its limit; release or sell one first",
                            java.time.Duration.ofMinutes(1));
                }
            }
        }
    }

    private static Optional<Reservation> findOwn(Connection c, String holder, String reference)
            throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT id FROM reservation WHERE holder = ? AND reference = ?")) {
            st.setString(1, holder);
            st.setString(2, reference);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? find(c, "id", rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Payment succeeded: the held units leave stock as an online sale. Repeats change nothing. */
    public Reservation confirm(String token) {
        return close(token, "SOLD", "SALE");
    }

    /** The checkout was cancelled or payment failed: the units go back. Repeats change nothing. */
    public Reservation release(String token) {
        return close(token, "RELEASED", "RELEASE");
    }

    /**
     * A sold order was cancelled before it left: its units go back on hand where they were sold
     * from, recorded in the ledger as a CANCEL of the order. The caller makes it happen once (the
     * order's move to CANCELLED, under the order's lock, in the same transaction).
     */
    public void restock(String token, String orderNumber, String actor) {
        restock(token, orderNumber, actor, "CANCEL", "Order cancelled", null);
    }

    /**
     * A sold order's units come back on hand: where they were sold from, or all at {@code
     * atLocation} when that is where they are now (a click and collect parcel sent to its store and
     * never collected). Recorded in the ledger as {@code eventType} of the order. The caller makes
     * it happen once, in the transaction of the order's move.
     */
    public void restock(
            String token,
            String orderNumber,
            String actor,
            String eventType,
            String reason,
            String atLocation) {
        Connection c = connection();
        try {
            long id =
                    find(c, "token", token)
                            .filter(r -> "SOLD".equals(r.status()))
                            .map(r -> reservationId(c, token))
                            .orElse(-1L);
            if (id < 0) {
                return; // Nothing was sold (or it went back already).
            }
            StockWrites.describe(c, "ONLINE", eventType, orderNumber, actor, reason, null);
            StockWrites.lockSkus(c, variantsOf(c, id));
            if (atLocation != null) {
                try (PreparedStatement st =
                        c.prepareStatement(
                                "INSERT INTO stock_level (id, variant_id, location_id, on_hand, reserved)"
                                        + " SELECT nextval('stock_level_seq'), r.variant_id, l.id, 0, 0"
                                        + " FROM (SELECT DISTINCT variant_id FROM reservation_line"
                                        + " WHERE reservation_id = ? AND status = 'HELD') r, location l WHERE l.code = ?"
                                        + " ON CONFLICT (variant_id, location_id) DO NOTHING")) {
                    st.setLong(1, id);
                    st.setString(2, atLocation);
                    st.executeUpdate();
                }
            }
            try (PreparedStatement st =
                    c.prepareStatement(
                            "UPDATE stock_level s SET on_hand = s.on_hand + l.quantity"
                                    + " FROM (SELECT variant_id, "
                                    + (atLocation == null
                                            ? "location_id"
                                            : "(SELECT id FROM location WHERE code = ?) AS location_id")
                                    + ", SUM(quantity)::INT AS quantity"
                                    + " FROM reservation_line WHERE reservation_id = ? AND status = 'HELD'"
                                    + " GROUP BY 1, 2) l"
                                    + " WHERE s.variant_id = l.variant_id AND s.location_id = l.location_id")) {
                int i = 1;
                if (atLocation != null) {
                    st.setString(i++, atLocation);
                }
                st.setLong(i, id);
                st.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not restock " + orderNumber, e);
        }
    }

    /**
     * Units of a sold order that were not on the shelf at {@code location} when picked: the sale
     * leaves that location (ledger {@code REALLOCATE}, +units) and the units it recorded are gone
     * (ledger {@code NOT_ON_SHELF}, -units), so its figure stays what the shelf holds; the order's
     * reservation no longer counts them there (line SHORT), so a cancel will not put them back.
     */
    public void notOnShelf(
            String token,
            String orderNumber,
            String sku,
            String location,
            int units,
            String actor) {
        Connection c = connection();
        try {
            long reservation = reservationId(c, token);
            long variant = lockedSku(c, sku);
            long[] line = heldLine(c, reservation, variant, location, units);
            String note = "Not on the shelf at " + location + " when picked";
            if (line[1] > units) {
                // Part of the line: the rest stays sold here, the missing units become a line of
                // their own.
                try (PreparedStatement st =
                        c.prepareStatement(
                                "UPDATE reservation_line SET quantity = quantity - ? WHERE id = ?")) {
                    st.setInt(1, units);
                    st.setLong(2, line[0]);
                    st.executeUpdate();
                }
                try (PreparedStatement st =
                        c.prepareStatement(
                                "INSERT INTO reservation_line (reservation_id, variant_id, location_id, quantity, status, note)"
                                        + " SELECT ?, ?, id, ?, 'SHORT', ? FROM location WHERE code = ?")) {
                    st.setLong(1, reservation);
                    st.setLong(2, variant);
                    st.setInt(3, units);
                    st.setString(4, note);
                    st.setString(5, location);
                    st.executeUpdate();
                }
            } else {
                try (PreparedStatement st =
                        c.prepareStatement(
                                "UPDATE reservation_line SET status = 'SHORT', note = ? WHERE id = ?")) {
                    st.setString(1, note);
                    st.setLong(2, line[0]);
                    st.executeUpdate();
                }
            }
            for (String[] step :
                    new String[][] {
                        {"REALLOCATE", "+", "The sale moves to another location"},
                        {"NOT_ON_SHELF", "-", note}
                    }) {
                StockWrites.describe(c, "ONLINE", step[0], orderNumber, actor, step[2], null);
                try (PreparedStatement st =
                        c.prepareStatement(
                                "UPDATE stock_level SET on_hand = on_hand "
                                        + step[1]
                                        + " ? WHERE variant_id = ? AND location_id = (SELECT id FROM location WHERE code = ?)")) {
                    st.setInt(1, units);
                    st.setLong(2, variant);
                    st.setString(3, location);
                    st.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record " + sku + " not on the shelf", e);
        }
    }

    /** A SKU's variant id, its row locked as every stock writer takes it. */
    private static long lockedSku(Connection c, String sku) throws SQLException {
        long variant = variantIds(c, java.util.Set.of(sku)).keySet().iterator().next();
        StockWrites.lockSkus(c, variant);
        return variant;
    }

    /**
     * The sold reservation line of a SKU at a location with at least {@code units}: {id, quantity}.
     */
    private static long[] heldLine(
            Connection c, long reservation, long variant, String location, int units)
            throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT l.id, l.quantity FROM reservation_line l JOIN location x ON x.id = l.location_id"
                                + " WHERE l.reservation_id = ? AND l.variant_id = ? AND x.code = ? AND l.status = 'HELD'"
                                + " AND l.quantity >= ? ORDER BY l.id LIMIT 1 FOR UPDATE")) {
            st.setLong(1, reservation);
            st.setLong(2, variant);
            st.setString(3, location);
            st.setInt(4, units);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(
                            "The order sold no " + units + " of that SKU at " + location);
                }
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /**
     * Sells units of a sold order again at another location that has them (not {@code notLocation};
     * one that ships, or the order's pickup store; warehouses first): the ledger records the SALE
     * there and the order's reservation counts them there. Empty when no location has them.
     */
    public Optional<String> sellElsewhere(
            String token,
            String orderNumber,
            String sku,
            int units,
            String notLocation,
            String pickupStore,
            String actor) {
        Connection c = connection();
        try {
            long reservation = reservationId(c, token);
            long variant = lockedSku(c, sku);
            StockWrites.describe(
                    c,
                    "ONLINE",
                    "SALE",
                    orderNumber,
                    actor,
                    "Re-allocated: not on the shelf at " + notLocation,
                    null);
            String code;
            long locationId;
            try (PreparedStatement st =
                    c.prepareStatement(
                            "UPDATE stock_level s SET on_hand = s.on_hand - ? FROM ("
                                    + " SELECT s2.id, l.code FROM stock_level s2 JOIN location l ON l.id = s2.location_id"
                                    + " WHERE s2.variant_id = ? AND l.code <> ? AND sellable(s2, l) >= ?"
                                    + " AND (l.ships_online OR l.code = ?)"
                                    + " ORDER BY (l.code = ?) DESC, "
                                    + preferred()
                                    + ", sellable(s2, l) DESC, l.code LIMIT 1) best"
                                    + " WHERE s.id = best.id RETURNING best.code, s.location_id")) {
                st.setInt(1, units);
                st.setLong(2, variant);
                st.setString(3, notLocation);
                st.setInt(4, units);
                st.setString(5, String.valueOf(pickupStore));
                st.setString(6, String.valueOf(pickupStore));
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    code = rs.getString(1);
                    locationId = rs.getLong(2);
                }
            }
            try (PreparedStatement st =
                    c.prepareStatement(
                            "INSERT INTO reservation_line (reservation_id, variant_id, location_id, quantity)"
                                    + " VALUES (?, ?, ?, ?)")) {
                st.setLong(1, reservation);
                st.setLong(2, variant);
                st.setLong(3, locationId);
                st.setInt(4, units);
                st.executeUpdate();
            }
            return Optional.of(code);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not sell " + sku + " elsewhere", e);
        }
    }

    private static long reservationId(Connection c, String token) {
        try (PreparedStatement st =
                c.prepareStatement("SELECT id FROM reservation WHERE token = ?")) {
            st.setString(1, token);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives back the units of up to {@code limit} reservations past their expiry; how many. */
    public int expireDue(int limit) {
        List<String> due = new ArrayList<>();
        Connection c = connection();
        try (PreparedStatement st =
                c.prepareStatement(
                        // Their rows first, as a checkout that confirms one takes it first; one a
                        // checkout holds now is being confirmed or released, so skipped.
                        "SELECT token FROM reservation WHERE status = 'HELD' AND expires_at <= now()"
                                + " ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getString(1));
                }
            }
            // Then all their SKUs, in the one order every stock writer takes them in: locking
            // them reservation by reservation could deadlock with a till's group of events.
            try (PreparedStatement skus =
                    c.prepareStatement(
                            "SELECT DISTINCT l.variant_id FROM reservation_line l"
                                    + " JOIN reservation r ON r.id = l.reservation_id WHERE r.token = ANY(?)")) {
                skus.setArray(1, c.createArrayOf("text", due.toArray()));
                List<Long> variants = new ArrayList<>();
                try (ResultSet rs = skus.executeQuery()) {
                    while (rs.next()) {
                        variants.add(rs.getLong(1));
                    }
                }
                StockWrites.lockSkus(c, variants.stream().mapToLong(Long::longValue).toArray());
            }
            for (String token : due) {
                closeWith(c, token, "EXPIRED", "EXPIRE");
            }
            return due.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not expire reservations", e);
        }
    }

    private Reservation close(String token, String status, String eventType) {
        try {
            Connection c = connection();
            return closeWith(c, token, status, eventType);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close reservation", e);
        }
    }

    private static Reservation closeWith(
            Connection c, String token, String status, String eventType) throws SQLException {
        long id;
        String reference;
        try (PreparedStatement st =
                c.prepareStatement(
                        "UPDATE reservation SET status = ?, closed_at = now()"
                                + " WHERE token = ? AND status = 'HELD' RETURNING id, reference")) {
            st.setString(1, status);
            st.setString(2, token);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    // Closed before (or unknown): answer with what it is now.
                    return find(c, "token", token)
                            .orElseThrow(() -> new Rejected(404, "No reservation " + token));
                }
                id = rs.getLong(1);
                reference = rs.getString(2);
            }
        }
        StockWrites.describe(c, "ONLINE", eventType, reference, "checkout", null, null);
        StockWrites.lockSkus(c, variantsOf(c, id));
        // Read after the locks: a till may have just moved a line to another location.
        try (PreparedStatement st =
                c.prepareStatement(
                        "UPDATE stock_level s SET reserved = s.reserved - l.quantity,"
                                + " on_hand = s.on_hand - CASE WHEN ? THEN l.quantity ELSE 0 END"
                                + " FROM (SELECT variant_id, location_id, SUM(quantity)::INT AS quantity"
                                + " FROM reservation_line WHERE reservation_id = ? AND status = 'HELD'"
                                + " GROUP BY variant_id, location_id) l"
                                + " WHERE s.variant_id = l.variant_id AND s.location_id = l.location_id")) {
            st.setBoolean(1, status.equals("SOLD"));
            st.setLong(2, id);
            st.executeUpdate();
        }
        return find(c, "id", id).orElseThrow();
    }

    /**
     * Takes back {@code units} units held at a location for a SKU because a till sold them: each
     * reservation line there (newest first) moves to another location that can sell it online, or
     * becomes SHORT for staff. The caller holds the SKU's lock.
     */
    static void makeRoom(Connection c, long variantId, long locationId, int units, String cause)
            throws SQLException {
        int remaining = units;
        List<long[]> lines = new ArrayList<>();
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT l.id, l.reservation_id, l.quantity FROM reservation_line l"
                                + " JOIN reservation r ON r.id = l.reservation_id"
                                + " WHERE l.variant_id = ? AND l.location_id = ? AND l.status = 'HELD'"
                                + " AND r.status = 'HELD' ORDER BY r.created_at DESC, l.id DESC FOR UPDATE OF l")) {
            st.setLong(1, variantId);
            st.setLong(2, locationId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    lines.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getInt(3)});
                }
            }
        }
        for (long[] line : lines) {
            if (remaining <= 0) {
                break;
            }
            int take = (int) Math.min(line[2], remaining);
            remaining -= take;
            if (take < line[2]) {
                try (PreparedStatement st =
                        c.prepareStatement(
                                "UPDATE reservation_line SET quantity = quantity - ? WHERE id = ?")) {
                    st.setInt(1, take);
                    st.setLong(2, line[0]);
                    st.executeUpdate();
                }
            }
            Optional<String> to = holdElsewhere(c, variantId, locationId, take);
            try (PreparedStatement st =
                    c.prepareStatement(
                            take < line[2]
                                    ? "INSERT INTO reservation_line (reservation_id, variant_id, location_id, quantity, status, note)"
                                            + " SELECT reservation_id, variant_id, location_id, ?, ?, ? FROM reservation_line WHERE id = ?"
                                    : "UPDATE reservation_line SET quantity = ?, status = ?, note = ? WHERE id = ?")) {
                st.setInt(1, take);
                st.setString(2, to.isPresent() ? "MOVED" : "SHORT");
                st.setString(
                        3,
                        to.isPresent()
                                ? cause + "; moved to " + to.get()
                                : cause + "; no other location had stock");
                st.setLong(4, line[0]);
                st.executeUpdate();
            }
            if (to.isPresent()) {
                try (PreparedStatement st =
                        c.prepareStatement(
                                "INSERT INTO reservation_line (reservation_id, variant_id, location_id, quantity)"
                                        + " SELECT ?, ?, id, ? FROM location WHERE code = ?")) {
                    st.setLong(1, line[1]);
                    st.setLong(2, variantId);
                    st.setInt(3, take);
                    st.setString(4, to.get());
                    st.executeUpdate();
                }
            }
            try (PreparedStatement st =
                    c.prepareStatement(
                            "UPDATE stock_level SET reserved = reserved - ? WHERE variant_id = ? AND location_id = ?")) {
                st.setInt(1, take);
                st.setLong(2, variantId);
                st.setLong(3, locationId);
                st.executeUpdate();
            }
        }
    }

    /** Holds units at the other location with the most to sell, if one has enough: its code. */
    private static Optional<String> holdElsewhere(
            Connection c, long variantId, long notLocationId, int units) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "UPDATE stock_level s SET reserved = s.reserved + ? FROM ("
                                + " SELECT s2.id, l.code FROM stock_level s2 JOIN location l ON l.id = s2.location_id"
                                + " WHERE s2.variant_id = ? AND s2.location_id <> ? AND sellable(s2, l) >= ?"
                                + " AND l.ships_online"
                                + " ORDER BY sellable(s2, l) DESC, l.code LIMIT 1) best"
                                + " WHERE s.id = best.id RETURNING best.code")) {
            st.setInt(1, units);
            st.setLong(2, variantId);
            st.setLong(3, notLocationId);
            st.setInt(4, units);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The location that can send every line of the order by itself, if one can: the pickup store
     * first, then as the preference says, then the one with most to sell, then by code.
     */
    private Optional<Long> oneLocationForAll(
            Connection c, Map<Long, String> variants, Map<String, Integer> wanted, Where where)
            throws SQLException {
        Long[] ids = variants.keySet().toArray(Long[]::new);
        Integer[] units =
                variants.keySet().stream()
                        .map(v -> wanted.get(variants.get(v)))
                        .toArray(Integer[]::new);
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT l.id FROM unnest(?::BIGINT[], ?::INT[]) AS w(variant_id, units)"
                                + " JOIN stock_level s ON s.variant_id = w.variant_id"
                                + " JOIN location l ON l.id = s.location_id"
                                + " WHERE sellable(s, l) >= w.units AND "
                                + shipsOrCollects()
                                + " GROUP BY l.id, l.code, l.kind HAVING count(*) = ?"
                                + " ORDER BY (l.code = ?) DESC, "
                                + preferred()
                                + ", SUM(sellable(s, l)) DESC, l.code LIMIT 1")) {
            st.setArray(1, c.createArrayOf("bigint", ids));
            st.setArray(2, c.createArrayOf("integer", units));
            st.setString(3, String.valueOf(where.pickupStore()));
            st.setInt(4, ids.length);
            st.setString(5, String.valueOf(where.pickupStore()));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** SQL: the location may give units to this hold (parameter: the pickup store's code). */
    private static String shipsOrCollects() {
        return "(l.ships_online OR l.code = ?)";
    }

    /** SQL order of the preferred kind of location first. */
    private String preferred() {
        return "store".equalsIgnoreCase(prefer)
                ? "(l.kind = 'STORE') DESC"
                : "(l.kind = 'WAREHOUSE') DESC";
    }

    /**
     * Holds {@code units} of one SKU: at {@code first} when the whole order goes from there, else
     * the pickup store first, then the preferred kind of location and the locations with most to
     * sell, split over locations where one has too few. The SKU is locked, so the figures read here
     * stay true until the updates; the conditional update and the table's CHECK guard them anyway.
     */
    private void allocate(
            Connection c,
            long reservationId,
            long variantId,
            String sku,
            int units,
            Where where,
            long first)
            throws SQLException {
        List<long[]> plan = new ArrayList<>();
        int found = 0;
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT s.location_id, sellable(s, l) FROM stock_level s JOIN location l ON l.id = s.location_id"
                                + " WHERE s.variant_id = ? AND sellable(s, l) > 0 AND "
                                + (where.online() ? shipsOrCollects() : "(TRUE OR ? IS NULL)")
                                + " ORDER BY (s.location_id = ?) DESC, (l.code = ?) DESC, "
                                + preferred()
                                + ", sellable(s, l) DESC, l.code")) {
            st.setLong(1, variantId);
            st.setString(2, String.valueOf(where.pickupStore()));
            st.setLong(3, first);
            st.setString(4, String.valueOf(where.pickupStore()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next() && found < units) {
                    int take = Math.min(rs.getInt(2), units - found);
                    plan.add(new long[] {rs.getLong(1), take});
                    found += take;
                }
            }
        }
        if (found < units) {
            throw new SoldOut(sku, units, found);
        }
        for (long[] part : plan) {
            try (PreparedStatement st =
                    c.prepareStatement(
                            "UPDATE stock_level SET reserved = reserved + ?"
                                    + " WHERE variant_id = ? AND location_id = ? AND on_hand - reserved >= ?")) {
                st.setInt(1, (int) part[1]);
                st.setLong(2, variantId);
                st.setLong(3, part[0]);
                st.setInt(4, (int) part[1]);
                if (st.executeUpdate() != 1) {
                    throw new SoldOut(sku, units, found - (int) part[1]);
                }
            }
            try (PreparedStatement st =
                    c.prepareStatement(
                            "INSERT INTO reservation_line (reservation_id, variant_id, location_id, quantity)"
                                    + " VALUES (?, ?, ?, ?)")) {
                st.setLong(1, reservationId);
                st.setLong(2, variantId);
                st.setLong(3, part[0]);
                st.setInt(4, (int) part[1]);
                st.executeUpdate();
            }
        }
    }

    /** Units wanted per SKU (a SKU on two lines counts once, summed), or why the request is bad. */
    static Map<String, Integer> check(ReservationRequest request) {
        if (request == null) {
            throw new Rejected(400, "The request is empty");
        }
        if (request.reference() == null || !request.reference().matches("[A-Za-z0-9._:-]{1,80}")) {
            throw new Rejected(422, "reference is 1 to 80 letters, digits, '.', '_', ':' or '-'");
        }
        if (request.holdMinutes() != null
                && (request.holdMinutes() < 1 || request.holdMinutes() > 60)) {
            throw new Rejected(422, "holdMinutes is 1 to 60");
        }
        if (request.lines() == null
                || request.lines().isEmpty()
                || request.lines().size() > MAX_LINES) {
            throw new Rejected(422, "A reservation has 1 to " + MAX_LINES + " lines");
        }
        Map<String, Integer> wanted = new TreeMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ReservationRequest.Line line = request.lines().get(i);
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                throw new Rejected(422, "Line " + (i + 1) + " needs a sku");
            }
            if (line.quantity() == null || line.quantity() < 1) {
                throw new Rejected(
                        422,
                        "Line " + (i + 1) + ": quantity " + line.quantity() + " must be 1 or more");
            }
            wanted.merge(line.sku().strip(), line.quantity(), Integer::sum);
        }
        wanted.forEach(
                (sku, units) -> {
                    if (units > MAX_UNITS_PER_SKU) {
                        throw new Rejected(
                                422,
                                "At most "
                                        + MAX_UNITS_PER_SKU
                                        + " units of one SKU per order; "
                                        + units
                                        + " of "
                                        + sku
                                        + " asked for");
                    }
                });
        return wanted;
    }

    /** Variant id to SKU, in id order (the lock order); an unknown SKU rejects the request. */
    private static Map<Long, String> variantIds(Connection c, java.util.Set<String> skus)
            throws SQLException {
        Map<Long, String> ids = new TreeMap<>();
        try (PreparedStatement st =
                c.prepareStatement("SELECT id, sku FROM variant WHERE sku = ANY(?)")) {
            st.setArray(1, c.createArrayOf("text", skus.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        for (String sku : skus) {
            if (!ids.containsValue(sku)) {
                throw new Rejected(422, "Unknown sku " + sku + "; nothing was held");
            }
        }
        return ids;
    }

    private static long[] variantsOf(Connection c, long reservationId) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT DISTINCT variant_id FROM reservation_line WHERE reservation_id = ?")) {
            st.setLong(1, reservationId);
            try (ResultSet rs = st.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids.stream().mapToLong(Long::longValue).toArray();
            }
        }
    }

    private static Optional<Reservation> find(Connection c, String column, Object value)
            throws SQLException {
        String token;
        String reference;
        String status;
        java.time.Instant expiresAt;
        long id;
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT id, token, reference, status, expires_at FROM reservation WHERE "
                                + column
                                + " = ?")) {
            st.setObject(1, value);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
                token = rs.getString(2);
                reference = rs.getString(3);
                status = rs.getString(4);
                expiresAt = rs.getTimestamp(5).toInstant();
            }
        }
        List<Reservation.Line> lines = new ArrayList<>();
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT v.sku, loc.code, l.quantity, l.status, l.note FROM reservation_line l"
                                + " JOIN variant v ON v.id = l.variant_id JOIN location loc ON loc.id = l.location_id"
                                + " WHERE l.reservation_id = ? ORDER BY l.id")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    lines.add(
                            new Reservation.Line(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getInt(3),
                                    rs.getString(4),
                                    rs.getString(5)));
                }
            }
        }
        return Optional.of(new Reservation(token, reference, status, expiresAt, lines));
    }

    private static String newToken() {
        return RandomTokens.of(24);
    }
}
