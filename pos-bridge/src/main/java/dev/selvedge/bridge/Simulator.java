package dev.selvedge.bridge;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A store's tills, for tests and demos: SALE and RECEIPT events of the given SKUs, posted to a
 * bridge's local endpoint, with a share of them sent twice (as tills do after a timeout). It writes
 * what an undisturbed run must do to the stock: the net change per SKU.
 */
final class Simulator {

    private final Random random;
    private final List<String> skus;
    private final String prefix;

    Simulator(long seed, List<String> skus, String prefix) {
        this.random = new Random(seed);
        this.skus = skus;
        this.prefix = prefix;
    }

    /** One event: {eventId, occurredAt, type, lines} plus its net change per SKU. */
    record Made(String eventId, String json, Map<String, Integer> change) {}

    Made event(int n) {
        String type = random.nextInt(3) == 0 ? "RECEIPT" : "SALE";
        int lineCount = 1 + random.nextInt(3);
        Map<String, Integer> change = new TreeMap<>();
        var lines = Json.createArrayBuilder();
        List<String> pick = new ArrayList<>(skus);
        java.util.Collections.shuffle(pick, random);
        // Each SKU once per event, as a till's receipt shows it.
        for (int i = 0; i < Math.min(lineCount, pick.size()); i++) {
            String sku = pick.get(i);
            int quantity = 1 + random.nextInt(3);
            lines.add(Json.createObjectBuilder().add("sku", sku).add("quantity", quantity));
            change.merge(sku, type.equals("SALE") ? -quantity : quantity, Integer::sum);
        }
        String eventId = prefix + "-" + n;
        JsonObjectBuilder event =
                Json.createObjectBuilder()
                        .add("eventId", eventId)
                        .add(
                                "occurredAt",
                                OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30)).toString())
                        .add("type", type)
                        .add("lines", lines);
        return new Made(eventId, event.build().toString(), change);
    }

    /**
     * Posts {@code count} events to the bridge at {@code bridge} from {@code tills} tills at once
     * (each its own share, in its own order), each till sending about {@code duplicateShare} of its
     * events a second time, at most {@code rate} per second in all (0: no limit). Answers the net
     * change per SKU that applying each event once makes.
     */
    Map<String, Integer> run(URI bridge, int count, double duplicateShare, int rate, int tills)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI events = bridge.resolve("/events");
        Map<String, Integer> expected = new TreeMap<>();
        // What each till posts, decided here from the seed, so that a run can be repeated.
        List<List<String>> posts = new ArrayList<>();
        List<List<String>> made = new ArrayList<>();
        for (int t = 0; t < tills; t++) {
            posts.add(new ArrayList<>());
            made.add(new ArrayList<>());
        }
        for (int n = 1; n <= count; n++) {
            int till = (n - 1) % tills;
            Made event = event(n);
            posts.get(till).add(event.json());
            made.get(till).add(event.json());
            event.change().forEach((sku, delta) -> expected.merge(sku, delta, Integer::sum));
            if (random.nextDouble() < duplicateShare) {
                List<String> own = made.get(till);
                posts.get(till).add(own.get(random.nextInt(own.size())));
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(tills);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (List<String> till : posts) {
                done.add(
                        threads.submit(
                                () -> {
                                    post(http, events, till, rate == 0 ? 0 : rate / (double) tills);
                                    return null;
                                }));
            }
            for (Future<Void> till : done) {
                try {
                    till.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io
                            ? io
                            : new IOException("A till failed", e.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        return expected;
    }

    /** One till: its events in order, at most {@code rate} per second (0: no limit). */
    private static void post(HttpClient http, URI events, List<String> posts, double rate)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (int n = 1; n <= posts.size(); n++) {
            post(http, events, posts.get(n - 1));
            if (rate > 0) {
                long due = start + (long) (n * 1_000_000_000L / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
    }

    private static void post(HttpClient http, URI events, String json)
            throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(events)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IOException(
                    "The bridge answered " + response.statusCode() + ": " + response.body());
        }
    }

    static void write(Map<String, Integer> expected, Path file) throws IOException {
        var json = Json.createObjectBuilder();
        expected.forEach(json::add);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write(json.build().toString());
        }
    }
}
