package dev.selvedge.inventory;

import dev.selvedge.shared.JsonObjects;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Applies POS events to the stock truth, exactly once. In one transaction: the event id is claimed
 * (a repeat gets the first answer back and changes nothing), the lines are applied in SKU order (so
 * that two events cannot deadlock), each with one locking UPDATE, and the database writes the
 * ledger row of every change. The till is the physical truth: a sale of units the system thought
 * were gone is recorded, the stock stops at zero and a discrepancy is raised for staff.
 */
@Stateless
public class PosEventService {

    static final int MAX_LINES = 500;
    static final int MAX_QUANTITY = 100_000;
    static final int MAX_REASON = 300;
    private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("2000-01-01T00:00:00Z");

    private static final Logger LOG = Logger.getLogger(PosEventService.class.getName());

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    @Resource private SessionContext context;

    /**
     * The answer to the till: {eventId, status APPLIED or DUPLICATE, lines, discrepancies}; throws
     * {@link PosEventRejected} for an event that cannot be applied as sent.
     */
    public JsonObject apply(PosTerminal terminal, PosEvent event) {
        Outcome outcome = applyAll(terminal, List.of(event)).get(0);
        if (outcome.rejected() != null) {
            throw outcome.rejected();
        }
        return outcome.answer();
    }

    /** What became of one event of a batch: its answer, or why it was refused. */
    public record Outcome(String eventId, JsonObject answer, PosEventRejected rejected) {}

    /**
     * Applies a store's events in the order given, in one transaction and with one commit: the SKUs
     * of all of them are locked first, in id order, so that a batch cannot deadlock with another
     * writer. An event refused as sent (malformed, unknown SKU) changes nothing and does not hold
     * up the others; an error of the database rolls the whole batch back.
     */
    public List<Outcome> applyAll(PosTerminal terminal, List<PosEvent> events) {
        return applyAll(events.stream().map(e -> new Sent(terminal, e)).toList());
    }

    /** A till's event with the terminal that sent it. */
    public record Sent(PosTerminal terminal, PosEvent event) {}

    /** As {@link #applyAll(PosTerminal, List)}, for events of any terminals. */
    public List<Outcome> applyAll(List<Sent> sent) {
        List<PosEvent> events = sent.stream().map(Sent::event).toList();
        Outcome[] outcomes = new Outcome[events.size()];
        Map<Integer, Checked> valid = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                valid.put(i, check(sent.get(i).terminal(), events.get(i)));
            } catch (PosEventRejected e) {
                outcomes[i] = new Outcome(idOf(events.get(i)), null, e);
            }
        }
        if (valid.isEmpty()) {
            return List.of(outcomes);
        }
        try (Connection c = dataSource.getConnection()) {
            Map<String, Sku> variants =
                    variants(
                            c,
                            valid.keySet().stream()
                                    .flatMap(i -> events.get(i).lines().stream())
                                    .toList());
            for (var it = valid.entrySet().iterator(); it.hasNext(); ) {
                int i = it.next().getKey();
                PosEvent event = events.get(i);
                Optional<PosEvent.Line> unknown =
                        event.lines().stream()
                                .filter(l -> !variants.containsKey(key(l)))
                                .findFirst();
                if (unknown.isPresent()) {
                    it.remove();
                    // A repeat of an event applied before keeps its first answer, even if one of
                    // its SKUs was removed since.
                    outcomes[i] =
                            repeat(c, sent.get(i).terminal(), event.eventId())
                                    .orElseGet(
                                            () ->
                                                    new Outcome(
                                                            event.eventId(),
                                                            null,
                                                            new PosEventRejected(
                                                                    422,
                                                                    "Unknown "
                                                                            + key(unknown.get())
                                                                                    .replace(
                                                                                            ":",
                                                                                            " ")
                                                                            + "; nothing of the event was applied")));
                }
            }
            StockWrites.lockSkus(
                    c,
                    valid.keySet().stream()
                            .flatMap(i -> events.get(i).lines().stream())
                            .mapToLong(l -> variants.get(key(l)).id())
                            .toArray());
            for (Map.Entry<Integer, Checked> entry : valid.entrySet()) {
                PosEvent event = events.get(entry.getKey());
                outcomes[entry.getKey()] =
                        applyOne(
                                c,
                                sent.get(entry.getKey()).terminal(),
                                event,
                                entry.getValue(),
                                variants);
            }
            return List.of(outcomes);
        } catch (SQLException e) {
            if (events.size() == 1 && e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                // A value the checks above let through and the database cannot hold (a stock
                // figure beyond its range, say): this event is refused and kept for staff, like
                // any other that cannot be applied as sent, instead of failing every time it is
                // sent again. (In a group it fails the group, whose events are then tried alone.)
                LOG.log(Level.WARNING, "POS event " + idOf(events.get(0)) + " refused", e);
                context.setRollbackOnly();
                return List.of(
                        new Outcome(
                                idOf(events.get(0)),
                                null,
                                new PosEventRejected(
                                        422,
                                        "A value of the event is beyond what the shop can store"
                                                + " (a stock figure or a text too large); nothing of it was applied")));
            }
            throw new IllegalStateException(
                    "Could not apply " + events.size() + " POS event(s)", e);
        }
    }

    /** The event id as sent, clipped: a refused event's id is echoed back to say which it was. */
    private static String idOf(PosEvent event) {
        return clipId(event == null ? null : event.eventId());
    }

    /** At most the 80 characters an event id may have. */
    static String clipId(String id) {
        return id == null || id.length() <= 80 ? id : id.substring(0, 80);
    }

    /** One checked event whose SKUs are known and locked: claimed, then applied line by line. */
    private static Outcome applyOne(
            Connection c,
            PosTerminal terminal,
            PosEvent event,
            Checked checked,
            Map<String, Sku> variants)
            throws SQLException {
        if (!claim(c, terminal, event, checked)) {
            return repeat(c, terminal, event.eventId()).orElseThrow();
        }
        StockWrites.describe(
                c,
                "POS",
                checked.type().name(),
                event.eventId(),
                "pos:" + terminal.storeCode() + "/" + terminal.terminalId(),
                event.reason(),
                checked.occurredAt());
        String cause =
                checked.type() + " at " + terminal.storeCode() + " (event " + event.eventId() + ")";
        JsonArrayBuilder lines = JsonObjects.array();
        int discrepancies = 0;
        List<PosEvent.Line> ordered = new ArrayList<>(event.lines());
        ordered.sort(Comparator.comparingLong(l -> variants.get(key(l)).id()));
        for (PosEvent.Line line : ordered) {
            long variantId = variants.get(key(line)).id();
            int[] change =
                    checked.type() == PosEventType.STOCK_COUNT
                            ? count(
                                    c,
                                    variantId,
                                    terminal.locationId(),
                                    line.quantity(),
                                    checked.occurredAt(),
                                    cause)
                            : move(
                                    c,
                                    variantId,
                                    terminal.locationId(),
                                    checked.type().delta(line.quantity()),
                                    cause);
            boolean oversold = checked.type().takesOut() && line.quantity() > change[0];
            if (oversold) {
                discrepancies++;
                recordDiscrepancy(
                        c,
                        variantId,
                        terminal.locationId(),
                        event.eventId(),
                        change[0],
                        line.quantity());
            }
            lines.add(
                    JsonObjects.object()
                            .add("sku", variants.get(key(line)).sku())
                            .add("onHandBefore", change[0])
                            .add("onHandAfter", change[1])
                            .add("applied", change[2] == 1));
        }
        JsonObject answer =
                JsonObjects.object()
                        .add("eventId", event.eventId())
                        .add("status", "APPLIED")
                        .add("lines", lines)
                        .add("discrepancies", discrepancies)
                        .build();
        try (PreparedStatement st =
                c.prepareStatement("UPDATE pos_event SET answer = ? WHERE event_id = ?")) {
            st.setString(1, answer.toString());
            st.setString(2, event.eventId());
            st.executeUpdate();
        }
        return new Outcome(event.eventId(), answer, null);
    }

    record Checked(PosEventType type, OffsetDateTime occurredAt) {}

    /** Everything about the event that can be judged without the database. */
    static Checked check(PosTerminal terminal, PosEvent event) {
        if (event == null) {
            throw new PosEventRejected(400, "The event is empty");
        }
        if (event.eventId() == null || !event.eventId().matches("[A-Za-z0-9._:-]{1,80}")) {
            throw new PosEventRejected(
                    422, "eventId is 1 to 80 letters, digits, '.', '_', ':' or '-'");
        }
        if (event.storeCode() == null || !event.storeCode().equals(terminal.storeCode())) {
            throw new PosEventRejected(
                    422,
                    "storeCode '"
                            + event.storeCode()
                            + "' is not the store of terminal "
                            + terminal.terminalId()
                            + " ("
                            + terminal.storeCode()
                            + ")");
        }
        if (event.terminalId() != null && !event.terminalId().equals(terminal.terminalId())) {
            throw new PosEventRejected(
                    422, "terminalId '" + event.terminalId() + "' does not match the API key");
        }
        PosEventType type;
        try {
            type = PosEventType.valueOf(String.valueOf(event.type()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PosEventRejected(
                    422,
                    "type '"
                            + event.type()
                            + "' is not one of "
                            + java.util.Arrays.toString(PosEventType.values()));
        }
        OffsetDateTime occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(String.valueOf(event.occurredAt()));
        } catch (DateTimeParseException e) {
            throw new PosEventRejected(
                    422,
                    "occurredAt must be an ISO-8601 time with offset, e.g. 2026-11-26T10:15:30+05:30");
        }
        if (occurredAt.isBefore(EARLIEST) || occurredAt.isAfter(OffsetDateTime.now().plusDays(1))) {
            // A till whose clock is years ahead would otherwise make every later count look old.
            throw new PosEventRejected(
                    422,
                    "occurredAt "
                            + occurredAt
                            + " is not a time a till can report: from 2000 to at most a day ahead of now");
        }
        if (event.lines() == null || event.lines().isEmpty() || event.lines().size() > MAX_LINES) {
            throw new PosEventRejected(422, "An event has 1 to " + MAX_LINES + " lines");
        }
        for (int i = 0; i < event.lines().size(); i++) {
            PosEvent.Line line = event.lines().get(i);
            if (line == null || (blank(line.sku()) == blank(line.barcode()))) {
                throw new PosEventRejected(
                        422, "Line " + (i + 1) + " needs either a sku or a barcode");
            }
            Integer quantity = line.quantity();
            String wrong =
                    quantity == null
                            ? "is missing"
                            : quantity < -MAX_QUANTITY || quantity > MAX_QUANTITY
                                    ? "is beyond " + MAX_QUANTITY + " units"
                                    : type == PosEventType.ADJUSTMENT
                                            ? quantity == 0 ? "must not be 0" : null
                                            : type == PosEventType.STOCK_COUNT
                                                    ? quantity < 0 ? "must be 0 or more" : null
                                                    : quantity < 1 ? "must be 1 or more" : null;
            if (wrong != null) {
                throw new PosEventRejected(
                        422, "Line " + (i + 1) + ": quantity " + quantity + " " + wrong);
            }
        }
        if (type == PosEventType.ADJUSTMENT && blank(event.reason())) {
            throw new PosEventRejected(422, "An ADJUSTMENT needs a reason");
        }
        if (event.reason() != null && event.reason().length() > MAX_REASON) {
            throw new PosEventRejected(422, "reason is at most " + MAX_REASON + " characters");
        }
        return new Checked(type, occurredAt);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String key(PosEvent.Line line) {
        return blank(line.sku())
                ? "barcode:" + line.barcode().strip()
                : "sku:" + line.sku().strip();
    }

    /** Claims the event id; false when it was applied before. */
    private static boolean claim(
            Connection c, PosTerminal terminal, PosEvent event, Checked checked)
            throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "INSERT INTO pos_event (event_id, location_id, terminal_id, event_type, occurred_at, answer)"
                                + " VALUES (?, ?, ?, ?, ?, '') ON CONFLICT (event_id) DO NOTHING")) {
            st.setString(1, event.eventId());
            st.setLong(2, terminal.locationId());
            st.setString(3, terminal.terminalId());
            st.setString(4, checked.type().name());
            st.setTimestamp(5, Timestamp.from(checked.occurredAt().toInstant()));
            return st.executeUpdate() == 1;
        }
    }

    /**
     * The outcome of an event id applied before: its first answer, marked DUPLICATE, when this
     * store sent it; refused when another store's event has the id (its answer is that store's
     * business, and this event is not applied); empty when the id is new.
     */
    private static Optional<Outcome> repeat(Connection c, PosTerminal terminal, String eventId)
            throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT answer, location_id FROM pos_event WHERE event_id = ? AND answer <> ''")) {
            st.setString(1, eventId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (rs.getLong(2) != terminal.locationId()) {
                    return Optional.of(
                            new Outcome(
                                    eventId,
                                    null,
                                    new PosEventRejected(
                                            422,
                                            "eventId "
                                                    + eventId
                                                    + " belongs to another store's event; give each event an id of its own")));
                }
                JsonObject first = JsonObjects.parse(rs.getString(1));
                return Optional.of(
                        new Outcome(
                                eventId,
                                JsonObjects.object(first).add("status", "DUPLICATE").build(),
                                null));
            }
        }
    }

    record Sku(long id, String sku) {}

    /** The variant of each line key that names one (unknown keys are missing from the map). */
    private static Map<String, Sku> variants(Connection c, List<PosEvent.Line> lines)
            throws SQLException {
        Map<String, Sku> found = new HashMap<>();
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT id, sku, barcode FROM variant WHERE sku = ANY(?)"
                                + " UNION SELECT id, sku, barcode FROM variant WHERE barcode = ANY(?::char(13)[])")) {
            st.setArray(
                    1,
                    c.createArrayOf(
                            "text",
                            lines.stream()
                                    .filter(l -> !blank(l.sku()))
                                    .map(l -> l.sku().strip())
                                    .toArray()));
            st.setArray(
                    2,
                    c.createArrayOf(
                            "text",
                            lines.stream()
                                    .filter(l -> !blank(l.barcode()))
                                    .map(l -> l.barcode().strip())
                                    .toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Sku sku = new Sku(rs.getLong(1), rs.getString(2));
                    found.put("sku:" + sku.sku(), sku);
                    found.put("barcode:" + rs.getString(3), sku);
                }
            }
        }
        return found;
    }

    private static void ensureLevel(Connection c, long variantId, long locationId)
            throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "INSERT INTO stock_level (id, variant_id, location_id, on_hand, reserved)"
                                + " VALUES (nextval('stock_level_seq'), ?, ?, 0, 0) ON CONFLICT (variant_id, location_id) DO NOTHING")) {
            st.setLong(1, variantId);
            st.setLong(2, locationId);
            st.executeUpdate();
        }
    }

    /**
     * Moves on hand by delta under a row lock, never below zero: {before, after, applied}. Units
     * that online orders held here and that the till has now taken are first moved to other
     * locations or flagged (so that the database never holds more than is on hand).
     */
    private static int[] move(
            Connection c, long variantId, long locationId, int delta, String cause)
            throws SQLException {
        String update =
                "UPDATE stock_level s SET on_hand = GREATEST(old.on_hand + ?, 0)"
                        + " FROM (SELECT id, on_hand FROM stock_level WHERE variant_id = ? AND location_id = ? FOR UPDATE) old"
                        + " WHERE s.id = old.id AND GREATEST(old.on_hand + ?, 0) >= s.reserved"
                        + " RETURNING old.on_hand, s.on_hand";
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement st = c.prepareStatement(update)) {
                st.setInt(1, delta);
                st.setLong(2, variantId);
                st.setLong(3, locationId);
                st.setInt(4, delta);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return new int[] {rs.getInt(1), rs.getInt(2), 1};
                    }
                }
            }
            if (attempt > 1) {
                throw new IllegalStateException("Reserved units could not be taken back");
            }
            int[] level = level(c, variantId, locationId);
            if (level == null) {
                ensureLevel(c, variantId, locationId); // The first stock of this SKU here.
            } else {
                ReservationService.makeRoom(
                        c, variantId, locationId, level[1] - Math.max(level[0] + delta, 0), cause);
            }
        }
    }

    /** On hand and reserved of a stock level; null when the SKU has none at the location. */
    private static int[] level(Connection c, long variantId, long locationId) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT on_hand, reserved FROM stock_level WHERE variant_id = ? AND location_id = ?")) {
            st.setLong(1, variantId);
            st.setLong(2, locationId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new int[] {rs.getInt(1), rs.getInt(2)} : null;
            }
        }
    }

    /**
     * Sets on hand to a count, unless a movement of that SKU at that store happened after the count
     * was taken: the count is older news than what the ledger already holds.
     */
    private static int[] count(
            Connection c,
            long variantId,
            long locationId,
            int counted,
            OffsetDateTime at,
            String cause)
            throws SQLException {
        int[] level = level(c, variantId, locationId);
        if (level == null) {
            ensureLevel(c, variantId, locationId);
            level = new int[] {0, 0};
        }
        try (PreparedStatement st =
                c.prepareStatement(
                        "SELECT EXISTS (SELECT 1 FROM stock_movement WHERE variant_id = ? AND location_id = ?"
                                + " AND occurred_at > ? AND event_type <> 'OPENING')")) {
            st.setLong(1, variantId);
            st.setLong(2, locationId);
            st.setTimestamp(3, Timestamp.from(at.toInstant()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return new int[] {level[0], level[0], 0};
                }
            }
        }
        if (counted < level[1]) {
            ReservationService.makeRoom(c, variantId, locationId, level[1] - counted, cause);
        }
        try (PreparedStatement st =
                c.prepareStatement(
                        "UPDATE stock_level SET on_hand = ? WHERE variant_id = ? AND location_id = ?")) {
            st.setInt(1, counted);
            st.setLong(2, variantId);
            st.setLong(3, locationId);
            st.executeUpdate();
        }
        return new int[] {level[0], counted, 1};
    }

    private static void recordDiscrepancy(
            Connection c, long variantId, long locationId, String eventId, int expected, int sold)
            throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        "INSERT INTO stock_discrepancy (variant_id, location_id, event_id, expected, sold) VALUES (?, ?, ?, ?, ?)")) {
            st.setLong(1, variantId);
            st.setLong(2, locationId);
            st.setString(3, eventId);
            st.setInt(4, expected);
            st.setInt(5, sold);
            st.executeUpdate();
        }
    }

    /** A bridge or till saying it is alive: the store's feed was heard now. */
    /**
     * The store's feed is alive (a heartbeat, or after each event). In a transaction of its own: an
     * event's transaction holds its SKUs' variant rows, and the silent-store sweep locks location
     * rows before (through its trigger) the variant rows, so taking the location row inside the
     * event's transaction could deadlock with it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void heartbeat(PosTerminal terminal) {
        try (Connection c = dataSource.getConnection()) {
            heard(c, terminal.locationId());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a heartbeat", e);
        }
    }

    /**
     * The store's feed was heard. A store that was silent counts again once {@link StoreFeeds} sees
     * this (within seconds), not in this transaction: that recomputes all the store's SKUs.
     */
    private static void heard(Connection c, long locationId) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(
                        // At most once a second: every event of a store would otherwise queue on
                        // its row.
                        "UPDATE location SET last_heard_at = now() WHERE id = ?"
                                + " AND (last_heard_at IS NULL OR last_heard_at < now() - interval '1 second')")) {
            st.setLong(1, locationId);
            st.executeUpdate();
        }
    }
}
