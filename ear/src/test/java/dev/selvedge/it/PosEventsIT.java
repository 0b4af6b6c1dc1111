package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP door for store tills against the real server and database: exactly-once effect, the till
 * as physical truth, counts that arrive late, the ledger, and clear refusals.
 */
class PosEventsIT extends ShopDeployment {

    private CatalogueFixture fixture;
    private String key;

    @BeforeEach
    void store() throws Exception {
        fixture = CatalogueFixture.create();
        key = fixture.issueTerminal("T1");
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private Http.Reply send(String eventId, String type, String occurredAt, String line) {
        return send(eventId, type, occurredAt, line, null);
    }

    private Http.Reply send(
            String eventId, String type, String occurredAt, String line, String reason) {
        String json =
                "{\"eventId\":\""
                        + eventId
                        + "\",\"storeCode\":\""
                        + fixture.storeCode()
                        + "\",\"terminalId\":\"T1\",\"occurredAt\":\""
                        + occurredAt
                        + "\",\"type\":\""
                        + type
                        + "\""
                        + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
                        + ",\"lines\":["
                        + line
                        + "]}";
        return Http.post("/api/v1/pos/events", json, "Authorization", "Bearer " + key);
    }

    private static String sku(String sku, int quantity) {
        return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
    }

    /** The stock as a till sees it: every location's figures (strangers see only what sells). */
    private JsonObject tillView(String sku) {
        return Http.get("/api/v1/inventory/" + sku, "Authorization", "Bearer " + key).json();
    }

    private int onHand(String sku) {
        JsonObject stock = tillView(sku);
        return stock.getJsonArray("locations").stream()
                .map(JsonValue::asJsonObject)
                .filter(l -> l.getString("code").equals(fixture.storeCode()))
                .findFirst()
                .orElseThrow()
                .getInt("onHand");
    }

    private String id(String name) {
        return fixture.token + "-" + name;
    }

    @Test
    void aStoreSilentPastTheLimitStopsCountingOnlineUntilItIsHeardAgain() throws Exception {
        String navyS = fixture.sku(fixture.linenShirt, "Navy", "S"); // 3, all in the store
        Http.Reply heartbeat =
                Http.post("/api/v1/pos/heartbeats", "", "Authorization", "Bearer " + key);
        assertThat(heartbeat.status()).isEqualTo(204);
        assertThat(available(navyS)).isEqualTo(3);

        // Nothing heard for ten minutes (the limit is five).
        fixture.connection()
                .createStatement()
                .executeUpdate(
                        "UPDATE location SET last_heard_at = now() - interval '10 minutes' WHERE code = '"
                                + fixture.storeCode()
                                + "'");
        assertThat(awaitAvailable(navyS, 0)).as("a silent store's stock does not count").isZero();
        assertThat(storeStock(navyS).isNull("silentSince")).isFalse();
        assertThat(storeStock(navyS).getInt("onHand")).isEqualTo(3);

        Http.post("/api/v1/pos/heartbeats", "", "Authorization", "Bearer " + key);
        assertThat(awaitAvailable(navyS, 3)).as("heard again, it counts again").isEqualTo(3);
        assertThat(storeStock(navyS).isNull("silentSince")).isTrue();

        Http.Reply stranger =
                Http.post("/api/v1/pos/heartbeats", "", "Authorization", "Bearer nobody-knows-me");
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.header("WWW-Authenticate")).contains("Bearer");
        assertThat(stranger.json().getString("detail")).contains("API key");
    }

    private static int available(String sku) {
        return Http.get("/api/v1/inventory/" + sku).json().getInt("available");
    }

    private static int awaitAvailable(String sku, int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (available(sku) != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        return available(sku);
    }

    private JsonObject storeStock(String sku) {
        return tillView(sku).getJsonArray("locations").stream()
                .map(JsonValue::asJsonObject)
                .filter(l -> l.getString("code").equals(fixture.storeCode()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void appliesASaleOnceAndAnswersARepeatAsTheFirstTime() throws SQLException {
        String navyM = fixture.sku(fixture.oxfordShirt, "Navy", "M");
        Http.Reply first = send(id("sale-1"), "SALE", "2026-11-26T10:00:00+05:30", sku(navyM, 1));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getString("status")).isEqualTo("APPLIED");
        JsonObject line = first.json().getJsonArray("lines").getJsonObject(0);
        assertThat(line.getInt("onHandBefore")).isEqualTo(2);
        assertThat(line.getInt("onHandAfter")).isEqualTo(1);
        assertThat(onHand(navyM)).isEqualTo(1);

        Http.Reply repeat = send(id("sale-1"), "SALE", "2026-11-26T10:00:00+05:30", sku(navyM, 1));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().getString("status")).isEqualTo("DUPLICATE");
        assertThat(repeat.json().getJsonArray("lines"))
                .isEqualTo(first.json().getJsonArray("lines"));
        assertThat(onHand(navyM)).isEqualTo(1);
        assertThat(
                        fixture.single(
                                "SELECT COUNT(*) FROM stock_movement WHERE event_id = ?",
                                id("sale-1")))
                .isEqualTo("1");
        // The store was heard, and the product page's stock follows.
        assertThat(
                        tillView(navyM).getJsonArray("locations").stream()
                                .map(JsonValue::asJsonObject)
                                .filter(l -> l.getString("code").equals(fixture.storeCode()))
                                .findFirst()
                                .orElseThrow()
                                .isNull("lastHeardAt"))
                .isFalse();
        assertThat(Http.get("/api/v1/inventory/" + navyM).json().getInt("available")).isEqualTo(1);
    }

    private String event(String eventId, String type, String line) {
        return "{\"eventId\":\""
                + eventId
                + "\",\"storeCode\":\""
                + fixture.storeCode()
                + "\",\"occurredAt\":\"2026-11-26T12:00:00+05:30\",\"type\":\""
                + type
                + "\",\"lines\":["
                + line
                + "]}";
    }

    private Http.Reply sendBatch(String... events) {
        return Http.post(
                "/api/v1/pos/event-batches",
                "{\"events\":[" + String.join(",", events) + "]}",
                "Authorization",
                "Bearer " + key);
    }

    @Test
    void appliesAStoresBatchInOrderEachEventOnceAndARefusedOneDoesNotHoldUpTheRest()
            throws SQLException {
        String navyM = fixture.sku(fixture.oxfordShirt, "Navy", "M");
        String[] batch = {
            event(id("b-receipt"), "RECEIPT", sku(navyM, 3)),
            event(id("b-unknown"), "SALE", sku("NO-SUCH-SKU", 1)),
            // Sold after the receipt: in any other order the till would have sold units not there.
            event(id("b-sale"), "SALE", sku(navyM, 4)),
            event(id("b-receipt"), "RECEIPT", sku(navyM, 3))
        };
        Http.Reply reply = sendBatch(batch);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var results = reply.json().getJsonArray("results");
        assertThat(results.stream().map(r -> r.asJsonObject().getString("status")))
                .containsExactly("APPLIED", "REJECTED", "APPLIED", "DUPLICATE");
        JsonObject refused = results.getJsonObject(1);
        assertThat(refused.getString("eventId")).isEqualTo(id("b-unknown"));
        assertThat(refused.getJsonObject("problem").getInt("status")).isEqualTo(422);
        assertThat(refused.getJsonObject("problem").getString("detail")).contains("NO-SUCH-SKU");
        assertThat(results.getJsonObject(2).getInt("discrepancies")).isZero();
        assertThat(onHand(navyM)).isEqualTo(1);
        // Kept for staff, as a refused event sent alone is.
        assertThat(
                        fixture.single(
                                "SELECT door || ' ' || reason FROM pos_dead_letter WHERE event_id = ?",
                                id("b-unknown")))
                .startsWith("HTTP Unknown sku NO-SUCH-SKU");

        // The bridge sends the same batch again (its answer was lost): nothing changes twice.
        Http.Reply again = sendBatch(batch);
        assertThat(
                        again.json().getJsonArray("results").stream()
                                .map(r -> r.asJsonObject().getString("status")))
                .containsExactly("DUPLICATE", "REJECTED", "DUPLICATE", "DUPLICATE");
        assertThat(onHand(navyM)).isEqualTo(1);
        assertThat(
                        fixture.single(
                                "SELECT COUNT(*) FROM stock_movement WHERE event_id IN (?, ?)",
                                id("b-receipt"),
                                id("b-sale")))
                .isEqualTo("2");

        // A batch that is not one is refused whole, with problem details, and kept.
        Http.Reply notABatch = sendBatch();
        assertThat(notABatch.status()).isEqualTo(400);
        assertThat(notABatch.contentType()).startsWith("application/problem+json");
        assertThat(notABatch.json().getString("detail")).contains("1 to 100 events");
        Http.Reply garbage =
                Http.post(
                        "/api/v1/pos/event-batches",
                        "[\"" + id("garbage") + "\"]",
                        "Authorization",
                        "Bearer " + key);
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(
                        fixture.single(
                                "SELECT COUNT(*) FROM pos_dead_letter WHERE body LIKE ?",
                                "%" + id("garbage") + "%"))
                .isEqualTo("1");
        assertThat(Http.post("/api/v1/pos/event-batches", "{\"events\":[]}").status())
                .isEqualTo(401);
    }

    @Test
    void eventsSentAtOnceByManyTillsAreAppliedTogetherEachOnceAndARefusedOneAloneIsRefused()
            throws Exception {
        String navyS = fixture.sku(fixture.linenShirt, "Navy", "S");
        String whiteM = fixture.sku(fixture.linenShirt, "White", "M");
        fixture.stockAt(navyS, fixture.storeCode(), 100);
        fixture.stockAt(whiteM, fixture.storeCode(), 100);
        int tills = 32;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(tills);
        try {
            List<java.util.concurrent.Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < tills; i++) {
                int n = i;
                replies.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return send(
                                            id("at-once-" + n),
                                            "SALE",
                                            "2026-11-26T13:00:00+05:30",
                                            n == 7
                                                    ? sku("NO-SUCH-SKU", 1)
                                                    : sku(navyS, 1) + "," + sku(whiteM, 2));
                                }));
            }
            start.countDown();
            for (int i = 0; i < tills; i++) {
                Http.Reply reply = replies.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(reply.status()).as(reply.body()).isEqualTo(i == 7 ? 422 : 200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(onHand(navyS)).isEqualTo(100 - (tills - 1));
        assertThat(onHand(whiteM)).isEqualTo(100 - 2 * (tills - 1));
        // That they went in groups is PosEventGroupsTest's to show (timing decides it here).
    }

    @Test
    void refusesWhatTheDatabaseCouldNotHoldAndAnotherStoresEventIdAndGoesOnWithTheRest()
            throws Exception {
        String navyM = fixture.sku(fixture.oxfordShirt, "Navy", "M");
        // Near the top of what a stock figure can be: a receipt would take it beyond.
        fixture.stockAt(navyM, fixture.storeCode(), Integer.MAX_VALUE - 50_000);
        Http.Reply tooMuch =
                send(id("too-much"), "RECEIPT", "2026-11-26T12:00:00+05:30", sku(navyM, 100_000));
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(422);
        assertThat(tooMuch.json().getString("detail")).contains("beyond what the shop can store");
        assertThat(onHand(navyM)).isEqualTo(Integer.MAX_VALUE - 50_000);
        assertThat(
                        fixture.single(
                                "SELECT count(*) FROM pos_dead_letter WHERE event_id = ?",
                                id("too-much")))
                .isEqualTo("1");
        // In a batch it is refused alone, and the events after it are applied.
        Http.Reply batch =
                sendBatch(
                        event(id("b-too-much"), "RECEIPT", sku(navyM, 100_000)),
                        event(id("b-after"), "SALE", sku(navyM, 1)));
        assertThat(
                        batch.json().getJsonArray("results").stream()
                                .map(r -> r.asJsonObject().getString("status")))
                .containsExactly("REJECTED", "APPLIED");
        assertThat(onHand(navyM)).isEqualTo(Integer.MAX_VALUE - 50_001);

        // Another store's event already has this id: refused, and that store's answer is not shown.
        String otherStores = id("other-store");
        fixture.single(
                "INSERT INTO pos_event (event_id, location_id, terminal_id, event_type, occurred_at, answer)"
                        + " SELECT ?, id, 'T9', 'SALE', now(), '{\"eventId\":\"x\",\"secret\":1}'"
                        + " FROM location WHERE code <> ? ORDER BY id LIMIT 1 RETURNING event_id",
                otherStores,
                fixture.storeCode());
        Http.Reply clash = send(otherStores, "SALE", "2026-11-26T12:00:00+05:30", sku(navyM, 1));
        assertThat(clash.status()).isEqualTo(422);
        assertThat(clash.body()).contains("another store").doesNotContain("secret");
        assertThat(onHand(navyM)).isEqualTo(Integer.MAX_VALUE - 50_001);
    }

    @Test
    void aBodySentInChunksIsReadOnce() throws Exception {
        String navyS = fixture.sku(fixture.linenShirt, "Navy", "S");
        java.net.http.HttpResponse<String> reply =
                java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create(
                                                        ShopDeployment.baseUrl()
                                                                + "/api/v1/pos/events"))
                                        .timeout(java.time.Duration.ofSeconds(20))
                                        .header("Content-Type", "application/json")
                                        .header("Authorization", "Bearer " + key)
                                        // No length: the body goes in chunks.
                                        .POST(
                                                java.net.http.HttpRequest.BodyPublishers
                                                        .ofInputStream(
                                                                () ->
                                                                        new java.io
                                                                                .ByteArrayInputStream(
                                                                                event(
                                                                                                id(
                                                                                                        "chunked"),
                                                                                                "SALE",
                                                                                                sku(
                                                                                                        navyS,
                                                                                                        1))
                                                                                        .getBytes(
                                                                                                java
                                                                                                        .nio
                                                                                                        .charset
                                                                                                        .StandardCharsets
                                                                                                        .UTF_8))))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(onHand(navyS)).isEqualTo(2);
    }

    @Test
    void recordsATillSaleOfUnitsTheSystemThoughtGoneAndRaisesADiscrepancy() throws SQLException {
        String navyL = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        Http.Reply reply = send(id("oversold"), "SALE", "2026-11-26T11:00:00+05:30", sku(navyL, 5));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getInt("discrepancies")).isEqualTo(1);
        assertThat(onHand(navyL)).isZero();
        assertThat(
                        fixture.single(
                                "SELECT expected || '/' || sold FROM stock_discrepancy WHERE event_id = ?",
                                id("oversold")))
                .isEqualTo("2/5");
    }

    @Test
    void ignoresACountTakenBeforeLaterMovementsAndAppliesANewerOne() throws SQLException {
        String navyS = fixture.sku(fixture.linenShirt, "Navy", "S");
        assertThat(
                        send(id("receipt"), "RECEIPT", "2026-11-26T12:00:00+05:30", sku(navyS, 3))
                                .status())
                .isEqualTo(200);
        assertThat(onHand(navyS)).isEqualTo(6);

        Http.Reply late =
                send(id("count-old"), "STOCK_COUNT", "2026-11-26T11:30:00+05:30", sku(navyS, 1));
        assertThat(late.json().getJsonArray("lines").getJsonObject(0).getBoolean("applied"))
                .isFalse();
        assertThat(onHand(navyS)).isEqualTo(6);

        Http.Reply count =
                send(id("count-new"), "STOCK_COUNT", "2026-11-26T12:30:00+05:30", sku(navyS, 4));
        assertThat(count.json().getJsonArray("lines").getJsonObject(0).getBoolean("applied"))
                .isTrue();
        assertThat(onHand(navyS)).isEqualTo(4);
    }

    @Test
    void takesBarcodesAndSignedAdjustmentsWithAReason() throws SQLException {
        String whiteL = fixture.sku(fixture.linenShirt, "White", "L");
        String barcode = fixture.barcode(whiteL);
        assertThat(
                        send(
                                        id("return"),
                                        "RETURN",
                                        "2026-11-26T13:00:00+05:30",
                                        "{\"barcode\":\"" + barcode + "\",\"quantity\":2}")
                                .status())
                .isEqualTo(200);
        assertThat(onHand(whiteL)).isEqualTo(5);
        assertThat(
                        send(
                                        id("adjust"),
                                        "ADJUSTMENT",
                                        "2026-11-26T13:05:00+05:30",
                                        sku(whiteL, -1),
                                        "damaged")
                                .status())
                .isEqualTo(200);
        assertThat(onHand(whiteL)).isEqualTo(4);
        assertThat(
                        fixture.single(
                                "SELECT reason FROM stock_movement WHERE event_id = ?",
                                id("adjust")))
                .isEqualTo("damaged");
    }

    @Test
    void keepsALedgerThatAddsUpToTheStockAndCannotBeRewritten() throws SQLException {
        String whiteM = fixture.sku(fixture.linenShirt, "White", "M");
        send(id("l1"), "SALE", "2026-11-26T14:00:00+05:30", sku(whiteM, 2));
        send(id("l2"), "RECEIPT", "2026-11-26T14:10:00+05:30", sku(whiteM, 10));
        send(id("l3"), "TRANSFER_OUT", "2026-11-26T14:20:00+05:30", sku(whiteM, 4));
        // Rebuilt from the ledger: the opening balance plus every change equals the stock level.
        String rebuilt =
                fixture.single(
                        "SELECT SUM(m.on_hand_after - m.on_hand_before) FROM stock_movement m"
                                + " JOIN variant v ON v.id = m.variant_id JOIN location l ON l.id = m.location_id"
                                + " WHERE v.sku = ? AND l.code = ?",
                        whiteM,
                        fixture.storeCode());
        assertThat(Integer.parseInt(rebuilt)).isEqualTo(onHand(whiteM)).isEqualTo(7);
        assertThatThrownBy(
                        () ->
                                fixture.connection()
                                        .createStatement()
                                        .executeUpdate(
                                                "UPDATE stock_movement SET on_hand_after = 99 WHERE event_id = '"
                                                        + id("l1")
                                                        + "'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () ->
                                fixture.connection()
                                        .createStatement()
                                        .executeUpdate(
                                                "DELETE FROM stock_movement WHERE event_id = '"
                                                        + id("l1")
                                                        + "'"))
                .hasMessageContaining("append-only");
    }

    @Test
    void refusesWhatCannotBeAppliedAndAppliesNothingOfIt() throws SQLException {
        String navyS = fixture.sku(fixture.linenShirt, "Navy", "S");
        Http.Reply noKey = Http.post("/api/v1/pos/events", "{}");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.contentType()).startsWith("application/problem+json");
        assertThat(noKey.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(
                        Http.post(
                                        "/api/v1/pos/events",
                                        "{}",
                                        "Authorization",
                                        "Bearer pos_not_a_real_key_123")
                                .status())
                .isEqualTo(401);

        Http.Reply malformed =
                Http.post("/api/v1/pos/events", "{\"eventId\":", "Authorization", "Bearer " + key);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().getString("detail")).contains("not a POS event in JSON");

        // One unknown SKU among good lines: nothing is applied, and the id stays free for the fix.
        Http.Reply unknown =
                send(
                        id("mixed"),
                        "SALE",
                        "2026-11-26T15:00:00+05:30",
                        sku(navyS, 1) + "," + sku("NO-SUCH-SKU", 1));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().getString("detail")).contains("NO-SUCH-SKU");
        assertThat(onHand(navyS)).isEqualTo(3);
        assertThat(
                        send(id("mixed"), "SALE", "2026-11-26T15:00:00+05:30", sku(navyS, 1))
                                .json()
                                .getString("status"))
                .isEqualTo("APPLIED");
        assertThat(onHand(navyS)).isEqualTo(2);

        assertThat(
                        send(id("zero"), "SALE", "2026-11-26T15:00:00+05:30", sku(navyS, 0))
                                .json()
                                .getString("detail"))
                .contains("quantity");
        assertThat(
                        send(id("why"), "ADJUSTMENT", "2026-11-26T15:00:00+05:30", sku(navyS, 1))
                                .json()
                                .getString("detail"))
                .contains("reason");
        assertThat(send(id("when"), "SALE", "yesterday", sku(navyS, 1)).json().getString("detail"))
                .contains("occurredAt");
        assertThat(
                        send(
                                        id("future"),
                                        "STOCK_COUNT",
                                        "2036-01-01T10:00:00+05:30",
                                        sku(navyS, 9))
                                .json()
                                .getString("detail"))
                .contains("at most a day ahead");
        assertThat(
                        send(
                                        id("huge"),
                                        "ADJUSTMENT",
                                        "2026-11-26T15:00:00+05:30",
                                        sku(navyS, Integer.MIN_VALUE),
                                        "lost")
                                .json()
                                .getString("detail"))
                .contains("beyond 100000 units");
        assertThat(
                        send(
                                        id("long-why"),
                                        "ADJUSTMENT",
                                        "2026-11-26T15:00:00+05:30",
                                        sku(navyS, -1),
                                        "x".repeat(301))
                                .json()
                                .getString("detail"))
                .contains("at most 300 characters");
        Http.Reply nothing =
                Http.post("/api/v1/pos/events", "null", "Authorization", "Bearer " + key);
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(send(id("what"), "GIFT", "2026-11-26T15:00:00+05:30", sku(navyS, 1)).status())
                .isEqualTo(422);
        Http.Reply otherStore =
                Http.post(
                        "/api/v1/pos/events",
                        "{\"eventId\":\""
                                + id("elsewhere")
                                + "\",\"storeCode\":\"BLR-01\",\"occurredAt\":\"2026-11-26T15:00:00+05:30\",\"type\":\"SALE\",\"lines\":["
                                + sku(navyS, 1)
                                + "]}",
                        "Authorization",
                        "Bearer " + key);
        assertThat(otherStore.status()).isEqualTo(422);
        assertThat(otherStore.json().getString("detail")).contains("not the store of terminal");
        assertThat(onHand(navyS)).isEqualTo(2);

        Http.Reply noSku = Http.get("/api/v1/inventory/NO-SUCH-SKU");
        assertThat(noSku.status()).isEqualTo(404);
        assertThat(noSku.contentType()).startsWith("application/problem+json");
    }
}
