package dev.selvedge.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Confirmed order to shipment booked with the carrier (issue #12), against the running shop and a
 * WireMock fake of Shiprocket's API started here (each call answered after {@code --carrier-ms}).
 * Orders are placed through the checkout API at a fixed rate; the order outbox, the fulfilment
 * queue and its consumer allocate them. Packing is a person's work: as soon as a parcel is
 * allocated, this program does what "Mark packed" does in the database (the parcel picked and
 * packed for Shiprocket, and the booking request put in the order outbox in the same transaction),
 * and the consumer books it with the fake (order search, adhoc order, AWB, label, label PDF).
 *
 * <p>Two legs, from the database's own clock: confirmed to allocated, and packed to booked; and
 * their sum. Printed as markdown rows for docs/benchmarks.md.
 */
public final class BookingBench {

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final String base;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final List<String> skus;

    /** Why checkouts were refused (HTTP status or exception), for the report. */
    private final Map<String, Integer> refusals = new java.util.concurrent.ConcurrentHashMap<>();

    private BookingBench(
            String base, String dbUrl, String dbUser, String dbPassword, List<String> skus) {
        this.base = base;
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.skus = skus;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int carrierMs = Integer.parseInt(a.getOrDefault("carrier-ms", "60"));
        WireMockServer shiprocket = fake(Integer.parseInt(a.getOrDefault("port", "20194")), carrierMs);
        try {
            BookingBench bench =
                    new BookingBench(
                            a.getOrDefault("base", "http://localhost:8080"),
                            a.get("db"),
                            a.get("db-user"),
                            a.getOrDefault("db-password", ""),
                            Arrays.asList(a.get("skus").split(",")));
            int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
            bench.restock();
            // Warm-up (not reported): the JIT, the pools and the carrier session.
            bench.run(5, Integer.parseInt(a.getOrDefault("warmup", "15")), false);
            System.out.println(
                    "| Orders/s offered | Orders | Booked | Booked/s | Leg | p50 ms | p95 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (String rate : a.getOrDefault("rates", "20").split(",")) {
                bench.run(Integer.parseInt(rate.strip()), seconds, true);
            }
        } finally {
            shiprocket.stop();
        }
    }

    /** Shiprocket as far as a booking goes, each answer after {@code ms}. */
    private static WireMockServer fake(int port, int ms) {
        WireMockServer sr = new WireMockServer(options().port(port).containerThreads(64));
        sr.start();
        sr.stubFor(
                post("/v1/external/auth/login")
                        .willReturn(okJson("{\"id\": 1, \"token\": \"bench\"}").withFixedDelay(ms)));
        sr.stubFor(
                get(urlPathEqualTo("/v1/external/orders"))
                        .willReturn(okJson("{\"data\": [], \"meta\": {}}").withFixedDelay(ms)));
        sr.stubFor(
                post("/v1/external/orders/create/adhoc")
                        .willReturn(
                                okJson(
                                                "{\"order_id\": {{randomInt lower=1 upper=999999999}},"
                                                        + " \"shipment_id\": {{randomInt lower=1 upper=999999999}},"
                                                        + " \"status\": \"NEW\", \"awb_code\": null}")
                                        .withFixedDelay(ms)
                                        .withTransformers("response-template")));
        sr.stubFor(
                post("/v1/external/courier/assign/awb")
                        .willReturn(
                                okJson(
                                                "{\"awb_assign_status\": 1, \"response\": {\"data\":"
                                                        + " {\"awb_code\": \"BENCH{{jsonPath request.body '$.shipment_id'}}\","
                                                        + " \"courier_name\": \"Bench Surface\"}}}")
                                        .withFixedDelay(ms)
                                        .withTransformers("response-template")));
        sr.stubFor(
                post("/v1/external/courier/generate/label")
                        .willReturn(
                                okJson(
                                                "{\"label_created\": 1, \"label_url\": \"http://localhost:"
                                                        + port
                                                        + "/label.pdf\"}")
                                        .withFixedDelay(ms)));
        sr.stubFor(
                get("/label.pdf")
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/pdf")
                                        .withBody("%PDF-1.4 bench label")
                                        .withFixedDelay(ms)));
        return sr;
    }

    /**
     * Gives every SKU of the run 1,000 units to sell at the warehouses (a stock correction in the
     * ledger), so that no checkout is refused as sold out whatever the earlier runs sold.
     */
    private void restock() throws Exception {
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
                PreparedStatement st =
                        db.prepareStatement(
                                "UPDATE stock_level s SET on_hand = s.reserved + 1000 FROM variant v, location l"
                                        + " WHERE v.id = s.variant_id AND l.id = s.location_id AND l.kind = 'WAREHOUSE'"
                                        + " AND v.sku = ANY(?)")) {
            st.setArray(1, db.createArrayOf("varchar", skus.toArray()));
            System.out.println("Restocked " + st.executeUpdate() + " warehouse stock levels to 1,000 units to sell");
        }
    }

    private void run(int rate, int seconds, boolean report) throws Exception {
        ConcurrentLinkedQueue<String> placed = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        long periodMicros = 1_000_000L / rate;
        var ticks =
                clock.scheduleAtFixedRate(
                        () -> place(skus.get(next.getAndIncrement() % skus.size()), placed, failed),
                        0,
                        periodMicros,
                        TimeUnit.MICROSECONDS);
        List<String> packed = new ArrayList<>();
        Map<Long, Long> packedAt = new HashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long drainUntil = end + 60_000_000_000L;
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            while (System.nanoTime() < drainUntil) {
                if (System.nanoTime() >= end && !ticks.isCancelled()) {
                    ticks.cancel(false);
                }
                packAllocated(db, new ArrayList<>(placed), packed, packedAt);
                if (ticks.isCancelled() && booked(db, packed) >= placed.size()) {
                    break;
                }
                Thread.sleep(50);
            }
            clock.shutdownNow();
            if (report) {
                report(db, rate, seconds, new ArrayList<>(placed), failed.get(), packedAt);
            }
            if (report && !refusals.isEmpty()) {
                System.out.println("Checkouts refused at " + rate + "/s: " + refusals);
                refusals.clear();
            }
        }
    }

    private void place(String sku, ConcurrentLinkedQueue<String> placed, AtomicInteger failed) {
        String body =
                """
                {"email":"bench-booking@example.in",
                 "shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",
                   "state":"Karnataka","postalCode":"560038","country":"IN","phone":"9845012345"},
                 "shippingMethod":"standard",
                 "lines":[{"sku":"%s","quantity":1,"unitPrice":1}],
                 "payment":{"method":"test","token":"tok_ok"}}
                """
                        .formatted(sku);
        http.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/checkout"))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .whenComplete(
                        (r, e) -> {
                            if (e == null && r.statusCode() == 201) {
                                var m =
                                        java.util.regex.Pattern.compile(
                                                        "\"orderNumber\":\"([^\"]+)\"")
                                                .matcher(r.body());
                                if (m.find()) {
                                    placed.add(m.group(1));
                                    return;
                                }
                            }
                            failed.incrementAndGet();
                            refusals.merge(
                                    e != null ? e.getClass().getSimpleName() : "HTTP " + r.statusCode(),
                                    1,
                                    Integer::sum);
                        });
    }

    /**
     * What "Mark packed" does in the database, for every parcel of these orders allocated and not
     * yet packed: every unit picked, weighed, boxed, for Shiprocket, and the booking request in the
     * order outbox, in one transaction.
     */
    private static void packAllocated(
            Connection db, List<String> orders, List<String> packed, Map<Long, Long> packedAt)
            throws Exception {
        List<String> waiting = new ArrayList<>(orders);
        waiting.removeAll(packed);
        if (waiting.isEmpty()) {
            return;
        }
        db.setAutoCommit(false);
        try (PreparedStatement st =
                db.prepareStatement(
                        "SELECT s.id, o.order_number FROM shipment s JOIN customer_order o ON o.id = s.order_id"
                                + " WHERE o.order_number = ANY(?) AND s.status = 'TO_PICK' FOR UPDATE OF s SKIP LOCKED")) {
            Array numbers = db.createArrayOf("varchar", waiting.toArray());
            st.setArray(1, numbers);
            List<long[]> parcels = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    parcels.add(new long[] {rs.getLong(1)});
                    packed.add(rs.getString(2));
                }
            }
            for (long[] p : parcels) {
                try (PreparedStatement pick =
                        db.prepareStatement(
                                "UPDATE shipment_line SET picked = quantity WHERE shipment_id = ?")) {
                    pick.setLong(1, p[0]);
                    pick.executeUpdate();
                }
                try (PreparedStatement pack =
                        db.prepareStatement(
                                "UPDATE shipment SET status = 'PACKED', weight_grams = 500, box = 'POLY_M',"
                                        + " carrier = 'shiprocket', packed_by = 'bench', updated_at = clock_timestamp()"
                                        + " WHERE id = ?")) {
                    pack.setLong(1, p[0]);
                    pack.executeUpdate();
                }
                try (PreparedStatement out =
                        db.prepareStatement(
                                "INSERT INTO order_outbox (destination, payload) VALUES ('FULFILMENT', ?)")) {
                    out.setString(
                            1,
                            "{\"eventId\":\""
                                    + UUID.randomUUID()
                                    + "\",\"type\":\"BOOK_SHIPMENT\",\"shipmentId\":"
                                    + p[0]
                                    + ",\"tries\":0}");
                    out.executeUpdate();
                }
            }
            if (!parcels.isEmpty()) {
                // As OrderMoves.handOff: the relay is woken at commit.
                try (PreparedStatement wake =
                        db.prepareStatement("SELECT pg_notify('order_outbox', '')")) {
                    wake.execute();
                }
                try (PreparedStatement at = db.prepareStatement("SELECT clock_timestamp()")) {
                    try (ResultSet rs = at.executeQuery()) {
                        rs.next();
                        long now = rs.getTimestamp(1).getTime();
                        for (long[] p : parcels) {
                            packedAt.put(p[0], now);
                        }
                    }
                }
            }
            db.commit();
        } catch (Exception e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static int booked(Connection db, List<String> orders) throws Exception {
        try (PreparedStatement st =
                db.prepareStatement(
                        "SELECT count(*) FROM shipment s JOIN customer_order o ON o.id = s.order_id"
                                + " WHERE o.order_number = ANY(?) AND s.status IN ('BOOKED', 'BOOKING_FAILED')")) {
            st.setArray(1, db.createArrayOf("varchar", orders.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void report(
            Connection db,
            int rate,
            int seconds,
            List<String> orders,
            int failed,
            Map<Long, Long> packedAt)
            throws Exception {
        List<Long> allocate = new ArrayList<>();
        List<Long> book = new ArrayList<>();
        List<Long> total = new ArrayList<>();
        int booked = 0;
        try (PreparedStatement st =
                db.prepareStatement(
                        "SELECT extract(epoch FROM (a.at - o.confirmed_at)) * 1000,"
                                + " extract(epoch FROM s.booked_at) * 1000, s.status, s.id"
                                + " FROM customer_order o"
                                + " JOIN order_event a ON a.order_id = o.id AND a.to_status = 'ALLOCATED'"
                                + " JOIN shipment s ON s.order_id = o.id"
                                + " WHERE o.order_number = ANY(?)")) {
            st.setArray(1, db.createArrayOf("varchar", orders.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long a = Math.round(rs.getDouble(1));
                    allocate.add(a);
                    Long packedMs = packedAt.get(rs.getLong(4));
                    if ("BOOKED".equals(rs.getString(3)) && packedMs != null) {
                        long b = Math.round(rs.getDouble(2)) - packedMs;
                        book.add(b);
                        total.add(a + b);
                        booked++;
                    }
                }
            }
        }
        String head =
                "| "
                        + rate
                        + " | "
                        + orders.size()
                        + (failed > 0 ? " (" + failed + " refused)" : "")
                        + " | "
                        + booked
                        + " | "
                        + String.format("%.1f", booked / (double) seconds)
                        + " | ";
        System.out.println(head + row("confirmed → allocated", allocate));
        System.out.println(head + row("packed → booked", book));
        System.out.println(head + row("both legs", total));
    }

    private static String row(String leg, List<Long> ms) {
        if (ms.isEmpty()) {
            return leg + " | – | – | – | – |";
        }
        List<Long> sorted = new ArrayList<>(ms);
        sorted.sort(Long::compare);
        return leg
                + " | "
                + pct(sorted, 50)
                + " | "
                + pct(sorted, 95)
                + " | "
                + pct(sorted, 99)
                + " | "
                + sorted.get(sorted.size() - 1)
                + " |";
    }

    private static long pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }
}
