package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The live stock stream a product page opens ({@code /api/v1/inventory/live?sku=}), as a browser
 * reads it: each {@code data:} line as it arrives.
 */
final class LiveFigures implements AutoCloseable {

    private final String sku;
    private final HttpResponse<InputStream> stream;
    private final BlockingQueue<String> events = new ArrayBlockingQueue<>(100);

    private LiveFigures(String sku) throws Exception {
        this.sku = sku;
        stream =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        ShopDeployment.baseUrl()
                                                                + "/api/v1/inventory/live?sku="
                                                                + sku))
                                        .header("Accept", "text/event-stream")
                                        .build(),
                                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(this::read, "live-figures-" + sku);
        reader.setDaemon(true);
        reader.start();
    }

    static LiveFigures of(String sku) throws Exception {
        return new LiveFigures(sku);
    }

    /** The next event's data, as sent (up to 10 s). */
    String nextEvent() throws InterruptedException {
        String event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("a live figure of " + sku + " within 10 s").isNotNull();
        return event;
    }

    /** The next figure of the SKU (up to 10 s). */
    int next() throws InterruptedException {
        String event = nextEvent();
        String prefix = "{\"available\":";
        assertThat(event).startsWith(prefix).endsWith(",\"sku\":\"" + sku + "\"}");
        return Integer.parseInt(event.substring(prefix.length(), event.indexOf(',')));
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    events.add(line.substring(5).strip());
                }
            }
        } catch (Exception closed) {
            // The test ended the stream.
        }
    }

    @Override
    public void close() throws Exception {
        stream.body().close();
    }
}
