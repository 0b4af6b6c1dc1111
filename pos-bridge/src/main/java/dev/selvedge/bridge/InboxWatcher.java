package dev.selvedge.bridge;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Takes the files tills export into the inbox folder ({@code *.json}, {@code *.csv}; a till writes
 * {@code name.tmp} and renames it when done), oldest name first. A file's events go to the outbox,
 * then the file to {@code processed/}; a file that cannot be read goes to {@code rejected/} with a
 * {@code .error.txt} saying why. A crash between the two only reads the file again: the outbox
 * keeps each event id once.
 */
final class InboxWatcher implements Runnable {

    private static final Logger LOG = Logger.getLogger(InboxWatcher.class.getName());

    private final Path inbox;
    private final Outbox outbox;
    private final EventFiles files;
    private final Sender sender;
    private volatile boolean running = true;

    InboxWatcher(Path inbox, Outbox outbox, EventFiles files, Sender sender) throws IOException {
        this.inbox = inbox;
        this.outbox = outbox;
        this.files = files;
        this.sender = sender;
        Files.createDirectories(inbox.resolve("processed"));
        Files.createDirectories(inbox.resolve("rejected"));
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                scanOnce();
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.severe("Inbox: " + e);
            }
        }
    }

    /** Takes every finished file now in the inbox; how many events were new. */
    int scanOnce() throws Exception {
        List<Path> ready;
        try (Stream<Path> list = Files.list(inbox)) {
            ready =
                    list.filter(Files::isRegularFile)
                            .filter(
                                    p ->
                                            p.toString().endsWith(".json")
                                                    || p.toString().endsWith(".csv"))
                            .sorted()
                            .toList();
        }
        int queued = 0;
        for (Path file : ready) {
            List<EventFiles.Event> events;
            try {
                if (file.toString().endsWith(".csv")) {
                    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        events = files.csv(reader);
                    }
                } else {
                    events = files.json(Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException | IOException e) {
                Path rejected = inbox.resolve("rejected").resolve(file.getFileName());
                Files.move(file, rejected, StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(
                        inbox.resolve("rejected").resolve(file.getFileName() + ".error.txt"),
                        String.valueOf(e.getMessage()));
                LOG.warning("Rejected " + file.getFileName() + ": " + e.getMessage());
                continue;
            }
            for (EventFiles.Event event : events) {
                if (outbox.add(event.eventId(), event.json())) {
                    queued++;
                }
            }
            Files.move(
                    file,
                    inbox.resolve("processed").resolve(file.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
            sender.wake();
        }
        return queued;
    }
}
