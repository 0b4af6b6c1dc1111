package dev.selvedge.bridge;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The store-side bridge. {@code run}: takes till events from a watched folder and a local HTTP
 * endpoint, keeps them on disk and sends them to the shop in order until acknowledged, with
 * heartbeats. {@code simulate}: plays a store's tills against a running bridge.
 *
 * <pre>
 * java -jar pos-bridge.jar run --server http://shop:8080 --key pos_... --store BLR-01 \
 *      [--terminal T1] [--data ./bridge-data] [--listen 127.0.0.1:8765] [--inbox ./inbox] \
 *      [--heartbeat-seconds 30] [--max-pause-ms 5000]
 * java -jar pos-bridge.jar simulate --bridge http://127.0.0.1:8765 --skus A,B,C \
 *      [--count 1000] [--duplicates 0.05] [--rate 0] [--tills 1] [--seed 1] [--prefix sim] [--expect out.json]
 * </pre>
 *
 * The key may come from the environment variable SELVEDGE_POS_KEY instead of the command line.
 */
public final class PosBridge {

    private PosBridge() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("run") || args[0].equals("simulate"))) {
            System.err.println("Usage: pos-bridge run --server URL --key KEY --store CODE [...]");
            System.err.println("       pos-bridge simulate --bridge URL --skus A,B [...]");
            System.exit(2);
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        if (args[0].equals("run")) {
            run(options);
        } else {
            simulate(options);
        }
    }

    private static void run(Map<String, String> o) throws Exception {
        String key = o.getOrDefault("key", System.getenv("SELVEDGE_POS_KEY"));
        URI server = URI.create(required(o, "server"));
        String store = required(o, "store");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Give the till key: --key or SELVEDGE_POS_KEY");
        }
        Path data = Path.of(o.getOrDefault("data", "bridge-data"));
        Files.createDirectories(data);
        Outbox outbox = new Outbox(data.resolve("outbox.db"));
        Sender sender =
                new Sender(
                        outbox,
                        server,
                        key,
                        Duration.ofMillis(Long.parseLong(o.getOrDefault("max-pause-ms", "5000"))));
        EventFiles files = new EventFiles(store, o.getOrDefault("terminal", "T1"));
        String[] listen = o.getOrDefault("listen", "127.0.0.1:8765").split(":");
        LocalEndpoint endpoint =
                new LocalEndpoint(
                        new InetSocketAddress(listen[0], Integer.parseInt(listen[1])),
                        outbox,
                        files,
                        sender);
        InboxWatcher inbox =
                new InboxWatcher(
                        Path.of(o.getOrDefault("inbox", data.resolve("inbox").toString())),
                        outbox,
                        files,
                        sender);
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
        long every = Long.parseLong(o.getOrDefault("heartbeat-seconds", "30"));
        heartbeat.scheduleWithFixedDelay(sender::heartbeat, 0, every, TimeUnit.SECONDS);
        Thread sending = new Thread(sender, "sender");
        Thread watching = new Thread(inbox, "inbox");
        sending.start();
        watching.start();
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    sender.stop();
                                    inbox.stop();
                                    heartbeat.shutdownNow();
                                    endpoint.close();
                                }));
        System.out.println(
                "POS bridge for "
                        + store
                        + ": listening on http://"
                        + listen[0]
                        + ":"
                        + endpoint.port()
                        + "/events, sending to "
                        + server);
        sending.join();
    }

    private static void simulate(Map<String, String> o) throws Exception {
        List<String> skus = List.of(required(o, "skus").split(","));
        Simulator simulator =
                new Simulator(
                        Long.parseLong(o.getOrDefault("seed", "1")),
                        skus,
                        o.getOrDefault("prefix", "sim-" + System.currentTimeMillis()));
        Map<String, Integer> expected =
                simulator.run(
                        URI.create(o.getOrDefault("bridge", "http://127.0.0.1:8765")),
                        Integer.parseInt(o.getOrDefault("count", "1000")),
                        Double.parseDouble(o.getOrDefault("duplicates", "0.05")),
                        Integer.parseInt(o.getOrDefault("rate", "0")),
                        Integer.parseInt(o.getOrDefault("tills", "1")));
        if (o.containsKey("expect")) {
            Simulator.write(expected, Path.of(o.get("expect")));
        }
        System.out.println("Sent; net change per SKU when each event is applied once: " + expected);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Options come as --name value: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
