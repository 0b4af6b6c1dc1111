package dev.selvedge.bench;

import dev.selvedge.catalog.demo.DemoCatalogue;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Recorder;

/**
 * The POS benchmarks of docs/benchmarks.md, against a shop started by run.sh with the demo data.
 *
 * <ul>
 *   <li>{@code latency --door http|jms --rate 200 --seconds 60 [--lines 1]}: RECEIPT events at a
 *       fixed rate; each is timed from the moment it was due until its new figure shows on {@code
 *       GET /api/v1/inventory/{sku}}: read once the change has committed (the POST's answer;
 *       for JMS its message on the stock topic), then every 5 ms until it shows. Timing from the due moment counts any
 *       queueing in the load generator too, so an overloaded shop cannot hide its delay.
 *   <li>{@code max --door http --lines 5 --rates 100,200,...}: the same at rising rates, 20 s
 *       each, until p99 passes 1 s; the highest rate under it is the sustained maximum.
 *   <li>{@code race --runs 10}: 200 concurrent checkouts hold a SKU with 5 units left while the
 *       till sells 3 of them; counts the units sold beyond what existed (must be 0).
 * </ul>
 */
public final class PosBench {

    private final String base;
    private final String blrKey;
    private final String mumKey;
    private final HttpClient http =
            HttpClient.newBuilder()
                    // HTTP/1.1 as tills and bridges speak it; Payara's h2c sends GOAWAY after a
                    // number of streams.
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(8))
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    // Daemon threads: a failed run ends the program instead of leaving it waiting.
    private final ExecutorService workers =
            Executors.newFixedThreadPool(
                    192,
                    r -> {
                        Thread t = new Thread(r);
                        t.setDaemon(true);
                        return t;
                    });

    private PosBench(String base, String blrKey, String mumKey) {
        this.base = base;
        this.blrKey = blrKey;
        this.mumKey = mumKey;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i].substring(2), args[i + 1]);
        }
        PosBench bench =
                new PosBench(
                        o.getOrDefault("base", "http://localhost:8080"),
                        o.get("key"),
                        o.get("mum-key"));
        switch (args[0]) {
            case "latency" ->
                    bench.report(
                            bench.latency(
                                    o.getOrDefault("door", "http"),
                                    Integer.parseInt(o.getOrDefault("rate", "200")),
                                    Integer.parseInt(o.getOrDefault("seconds", "60")),
                                    Integer.parseInt(o.getOrDefault("lines", "1")),
                                    Integer.parseInt(o.getOrDefault("jms-port", "7676"))));
            case "max" -> {
                for (String rate : o.getOrDefault("rates", "100,200,300,400,500").split(",")) {
                    Result result =
                            bench.latency(
                                    o.getOrDefault("door", "http"),
                                    Integer.parseInt(rate),
                                    Integer.parseInt(o.getOrDefault("seconds", "20")),
                                    Integer.parseInt(o.getOrDefault("lines", "5")),
                                    Integer.parseInt(o.getOrDefault("jms-port", "7676")));
                    bench.report(result);
                    if (result.p99Ms() > 1000 || result.failed() > 0) {
                        break;
                    }
                }
            }
            case "race" -> bench.races(Integer.parseInt(o.getOrDefault("runs", "10")));
            default -> throw new IllegalArgumentException("latency, max or race");
        }
        System.exit(0);
    }

    record Result(
            String door,
            int rate,
            int lines,
            long count,
            long failed,
            double achievedPerSecond,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            double maxMs) {}

    private void report(Result r) {
        System.out.printf(
                "| %s | %d | %d | %d | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f | %d |%n",
                r.door(),
                r.rate(),
                r.lines(),
                r.count(),
                r.achievedPerSecond(),
                r.achievedPerSecond() * r.lines(),
                r.p50Ms(),
                r.p95Ms(),
                r.p99Ms(),
                r.maxMs(),
                r.failed());
    }

    /** SKUs of the demo catalogue in a fixed shuffled order. */
    private static List<String> demoSkus() {
        List<String> skus = new ArrayList<>();
        for (int p = 0; p < DemoCatalogue.PRODUCTS; p++) {
            DemoCatalogue.product(p).variants().forEach(v -> skus.add(v.sku()));
        }
        Collections.shuffle(skus, new Random(7));
        return skus;
    }

    private Result latency(String door, int rate, int seconds, int lines, int jmsPort)
            throws Exception {
        List<String> skus = demoSkus();
        int events = rate * seconds;
        int used = Math.min(skus.size(), events * lines);
        // What each SKU holds at BLR-01 now, read before the clock starts.
        Map<String, Integer> onHand = new ConcurrentHashMap<>();
        List<Future<?>> reads = new ArrayList<>();
        for (String sku : skus.subList(0, used)) {
            reads.add(workers.submit(() -> onHand.put(sku, blrOnHandBefore(sku))));
        }
        for (Future<?> read : reads) {
            read.get();
        }
        Map<String, AtomicInteger> receipts = new ConcurrentHashMap<>();
        // Both doors listen to the stock topic: for JMS it is the commit signal, for HTTP it shows
        // how far the topic lags behind the commit.
        ConnectionFactory factory = dev.selvedge.it.Broker.connect(jmsPort);
        // The store's broker user (bench.sh reads it from .run/demo-credentials.json).
        JMSContext master =
                factory.createContext(
                        System.getenv().getOrDefault("BENCH_JMS_USER", "store-blr-01"),
                        System.getenv().getOrDefault("BENCH_JMS_PASSWORD", ""));
        // A few contexts shared by the sending threads (a queue admits 100 producers).
        record Sending(jakarta.jms.JMSProducer producer, jakarta.jms.Queue queue) {}
        java.util.concurrent.BlockingQueue<Sending> senders =
                new java.util.concurrent.LinkedBlockingQueue<>();
        for (int i = 0; door.equals("jms") && i < 16; i++) {
            JMSContext context = master.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            senders.add(new Sending(context.createProducer().setProperty("tillKey", blrKey), context.createQueue("PosEvents")));
        }
        String prefix = "bench-" + door + "-" + System.currentTimeMillis() + "-";
        // Events whose change the shop has published on the stock topic (JMS door).
        Map<String, CompletableFuture<Void>> changes = new ConcurrentHashMap<>();
        {
            JMSContext listening = master.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            listening
                    .createConsumer(listening.createTopic("StockChanges"))
                    .setMessageListener(
                            message -> {
                                try {
                                    String causeId =
                                            Json.createReader(
                                                            new StringReader(
                                                                    message.getBody(String.class)))
                                                    .readObject()
                                                    .getString("causeId", "");
                                    if (causeId.startsWith(prefix)) {
                                        changes.computeIfAbsent(
                                                        causeId, k -> new CompletableFuture<>())
                                                .complete(null);
                                    }
                                } catch (jakarta.jms.JMSException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
        }
        Recorder recorder = new Recorder(3);
        // Where the time goes: due to sent, and sent to the commit signal.
        Recorder sendTimes = new Recorder(3);
        Recorder signalled = new Recorder(3);
        Recorder topicLag = new Recorder(3);
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(events);
        long start = System.nanoTime() + 200_000_000L;
        for (int i = 0; i < events; i++) {
            long due = start + (long) i * 1_000_000_000L / rate;
            List<String> eventSkus = new ArrayList<>();
            for (int l = 0; l < lines; l++) {
                eventSkus.add(skus.get((i * lines + l) % used));
            }
            // The figure this event must make visible for its first SKU.
            int expected =
                    onHand.get(eventSkus.get(0))
                            + receipts.computeIfAbsent(eventSkus.get(0), s -> new AtomicInteger())
                                    .incrementAndGet();
            eventSkus.subList(1, eventSkus.size())
                    .forEach(s -> receipts.computeIfAbsent(s, k -> new AtomicInteger()).incrementAndGet());
            String eventId = prefix + i;
            String json = event(eventId, eventSkus);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            workers.submit(
                    () -> {
                        try {
                            if (door.equals("jms")) {
                                Sending sending = senders.take();
                                try {
                                    sending.producer().send(sending.queue(), json);
                                } finally {
                                    senders.add(sending);
                                }
                            } else {
                                HttpResponse<String> answer = post("/api/v1/pos/events", json, blrKey);
                                if (answer.statusCode() != 200) {
                                    throw new IllegalStateException(answer.body());
                                }
                            }
                            // The change has committed when the POST answers (HTTP) or when the
                            // shop publishes it on the stock topic (JMS); then the GET must show
                            // it. Polled if not, and once a second if the signal never comes.
                            CompletableFuture<Void> published =
                                    changes.computeIfAbsent(eventId, k -> new CompletableFuture<>());
                            CompletableFuture<Void> committed =
                                    door.equals("jms")
                                            ? published
                                            : CompletableFuture.completedFuture(null);
                            long sent = System.nanoTime();
                            if (!door.equals("jms")) {
                                published.thenRun(
                                        () ->
                                                topicLag.recordValue(
                                                        (System.nanoTime() - sent) / 1000));
                            }
                            sendTimes.recordValue((sent - due) / 1000);
                            try {
                                committed.get(1, TimeUnit.SECONDS);
                                signalled.recordValue((System.nanoTime() - sent) / 1000);
                            } catch (java.util.concurrent.TimeoutException late) {
                                // Look anyway.
                            }
                            while (blrOnHand(eventSkus.get(0)) < expected) {
                                if (System.nanoTime() - due > 30_000_000_000L) {
                                    throw new IllegalStateException("Not visible after 30 s");
                                }
                                Thread.sleep(committed.isDone() ? 5 : 1000);
                            }
                            recorder.recordValue((System.nanoTime() - due) / 1000);
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        } finally {
                            done.countDown();
                        }
                    });
        }
        done.await(120, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        master.close();
        var h = recorder.getIntervalHistogram();
        var s = sendTimes.getIntervalHistogram();
        var c = signalled.getIntervalHistogram();
        var t = topicLag.getIntervalHistogram();
        System.err.printf(
                "%s at %d/s: sent after p50 %.1f / p99 %.1f ms; committed after sending p50 %.1f / p99 %.1f ms;"
                        + " on the topic after the HTTP answer p50 %.1f / p99 %.1f ms%n",
                door,
                rate,
                s.getValueAtPercentile(50) / 1000.0,
                s.getValueAtPercentile(99) / 1000.0,
                c.getValueAtPercentile(50) / 1000.0,
                c.getValueAtPercentile(99) / 1000.0,
                t.getValueAtPercentile(50) / 1000.0,
                t.getValueAtPercentile(99) / 1000.0);
        return new Result(
                door,
                rate,
                lines,
                h.getTotalCount(),
                failed.get(),
                h.getTotalCount() / elapsed,
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0);
    }

    private static String event(String id, List<String> skus) {
        var lines = Json.createArrayBuilder();
        skus.forEach(s -> lines.add(Json.createObjectBuilder().add("sku", s).add("quantity", 1)));
        return Json.createObjectBuilder()
                .add("eventId", id)
                .add("storeCode", "BLR-01")
                .add("terminalId", "T1")
                .add("occurredAt", java.time.OffsetDateTime.now().toString())
                .add("type", "RECEIPT")
                .add("lines", lines)
                .build()
                .toString();
    }

    private JsonObject stock(String sku) throws Exception {
        HttpResponse<String> answer =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/inventory/" + sku))
                                .header("Authorization", "Bearer " + blrKey)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private int blrOnHand(String sku) throws Exception {
        return at(stock(sku), "BLR-01", "onHand");
    }

    /** As {@link #blrOnHand}, tried up to three times (read before the clock starts). */
    private int blrOnHandBefore(String sku) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return blrOnHand(sku);
            } catch (Exception e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static int at(JsonObject stock, String location, String figure) {
        return stock.getJsonArray("locations").stream()
                .map(JsonValue::asJsonObject)
                .filter(l -> l.getString("code").equals(location))
                .findFirst()
                .map(l -> l.getInt(figure))
                .orElse(0);
    }

    private HttpResponse<String> post(String path, String json, String key) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The oversell race, {@code runs} times, on demo SKUs that only BLR-01 holds. */
    private void races(int runs) throws Exception {
        System.out.println("| Run | SKU | Units | Checkouts | Till sales | Granted | Held | Flagged | On hand after | Oversold |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<String> skus = demoSkus();
        int run = 0;
        for (String sku : skus) {
            if (run == runs) {
                break;
            }
            JsonObject stock = stock(sku);
            if (at(stock, "WH-01", "onHand") != 0) {
                continue; // The warehouse cannot be set through a till: use SKUs it does not hold.
            }
            run++;
            String id = "race-" + System.currentTimeMillis() + "-" + run;
            count(blrKey, "BLR-01", id + "-blr", sku, 5);
            count(mumKey, "MUM-01", id + "-mum", sku, 0);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> holds = new ArrayList<>();
            List<Future<HttpResponse<String>>> sales = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                holds.add(
                        workers.submit(
                                () -> {
                                    go.await();
                                    return post(
                                            "/api/v1/reservations",
                                            "{\"reference\":\""
                                                    + id
                                                    + "-"
                                                    + n
                                                    + "\",\"lines\":[{\"sku\":\""
                                                    + sku
                                                    + "\",\"quantity\":"
                                                    + (n % 10 == 0 ? 2 : 1)
                                                    + "}]}",
                                            blrKey);
                                }));
                if (i % 60 == 30) {
                    sales.add(
                            workers.submit(
                                    () -> {
                                        go.await();
                                        return post(
                                                "/api/v1/pos/events",
                                                "{\"eventId\":\""
                                                        + id
                                                        + "-till-"
                                                        + n
                                                        + "\",\"storeCode\":\"BLR-01\",\"terminalId\":\"T1\","
                                                        + "\"occurredAt\":\"2026-11-26T10:00:00+05:30\",\"type\":\"SALE\","
                                                        + "\"lines\":[{\"sku\":\""
                                                        + sku
                                                        + "\",\"quantity\":1}]}",
                                                blrKey);
                                    }));
                }
            }
            go.countDown();
            int granted = 0;
            int held = 0;
            int flagged = 0;
            List<String> tokens = new ArrayList<>();
            for (Future<HttpResponse<String>> hold : holds) {
                HttpResponse<String> answer = hold.get(60, TimeUnit.SECONDS);
                if (answer.statusCode() == 201) {
                    JsonObject reservation =
                            Json.createReader(new StringReader(answer.body())).readObject();
                    tokens.add(reservation.getString("token"));
                }
            }
            for (Future<HttpResponse<String>> sale : sales) {
                sale.get(60, TimeUnit.SECONDS);
            }
            for (String token : tokens) {
                JsonObject now =
                        Json.createReader(
                                        new StringReader(
                                                http.send(
                                                                HttpRequest.newBuilder(
                                                                                URI.create(
                                                                                        base
                                                                                                + "/api/v1/reservations/"
                                                                                                + token))
                                                                        .header(
                                                                                "Authorization",
                                                                                "Bearer "
                                                                                        + blrKey)
                                                                        .build(),
                                                                HttpResponse.BodyHandlers.ofString())
                                                        .body()))
                                .readObject();
                for (JsonValue line : now.getJsonArray("lines")) {
                    int quantity = line.asJsonObject().getInt("quantity");
                    switch (line.asJsonObject().getString("status")) {
                        case "HELD" -> {
                            held += quantity;
                            granted += quantity;
                        }
                        case "SHORT" -> {
                            flagged += quantity;
                            granted += quantity;
                        }
                        default -> {
                            // MOVED: its units are counted on the line that took them over.
                        }
                    }
                }
            }
            JsonObject after = stock(sku);
            int onHandAfter = at(after, "BLR-01", "onHand");
            // Units promised online beyond what is on the shelf now (the till's sales are physical).
            int oversold = Math.max(0, held - onHandAfter);
            System.out.printf(
                    "| %d | %s | 5 | 200 | %d | %d | %d | %d | %d | %d |%n",
                    run, sku, sales.size(), granted, held, flagged, onHandAfter, oversold);
            for (String token : tokens) {
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/reservations/" + token))
                                .header("Authorization", "Bearer " + blrKey)
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private void count(String key, String store, String id, String sku, int units)
            throws Exception {
        HttpResponse<String> answer =
                post(
                        "/api/v1/pos/events",
                        "{\"eventId\":\""
                                + id
                                + "\",\"storeCode\":\""
                                + store
                                + "\",\"terminalId\":\"T1\",\"occurredAt\":\""
                                + java.time.OffsetDateTime.now()
                                + "\",\"type\":\"STOCK_COUNT\",\"lines\":[{\"sku\":\""
                                + sku
                                + "\",\"quantity\":"
                                + units
                                + "}]}",
                        key);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Count refused: " + answer.body());
        }
    }
}
