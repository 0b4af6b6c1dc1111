package dev.selvedge.fulfilment;

import dev.selvedge.payment.BadSignature;
import dev.selvedge.shared.Budgets;
import dev.selvedge.shared.Rejected;
import dev.selvedge.shared.StorableText;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tracking webhooks the carriers post: the token or signature checked by the carrier's adapter,
 * each kept with what became of it (refused ones too, bounded per sender), the updates applied to
 * their parcels once and forward only. An update for an AWB the shop does not know is refused and
 * kept for staff; it changes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CarrierWebhooks {

    /** Refused webhooks kept per sending address and hour; beyond, they are answered 429. */
    static final int REFUSED_KEPT_PER_SOURCE_PER_HOUR = 60;

    static final int REFUSED_KEPT_PER_HOUR = 1000;

    /** What is kept of a body: far more than any tracking update. */
    static final int MAX_KEPT_BODY = 64 * 1024;

    @Inject private Carriers carriers;
    @EJB private FulfilmentService fulfilment;
    @Inject private Budgets budgets;

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "selvedge.retention.refused-webhook-days", defaultValue = "30")
    private int refusedRetentionDays;

    /** What a webhook did: updates applied and repeats. */
    public record Received(int applied, int repeats) {}

    public Received receive(
            String carrierId, Map<String, String> headers, String body, String source) {
        Carrier carrier =
                carriers.byId(carrierId)
                        .filter(Carrier::enabled)
                        .filter(c -> !c.id().equals(ManualCarrier.ID))
                        .orElseThrow(
                                () ->
                                        new Rejected(
                                                404,
                                                "No carrier takes tracking updates at this address"));
        Optional<List<TrackingUpdate>> updates;
        try {
            updates = carrier.webhook(headers, body);
        } catch (BadSignature e) {
            refused(carrier, source, "BAD_SIGNATURE", e.getMessage(), body);
            throw e;
        }
        if (updates.isEmpty() || updates.get().isEmpty()) {
            refused(
                    carrier,
                    source,
                    "MALFORMED",
                    "Not a tracking update of " + carrier.label(),
                    body);
            throw new Rejected(400, "Not a tracking update of " + carrier.label());
        }
        FulfilmentService.Tracked tracked = fulfilment.tracked(carrier.id(), updates.get());
        if (!tracked.unknownAwbs().isEmpty()) {
            String detail = "Unknown AWB " + String.join(", ", tracked.unknownAwbs());
            keep(carrier.id(), "UNKNOWN_AWB", detail, body);
            throw new Rejected(422, detail + ": no parcel of this shop");
        }
        keep(
                carrier.id(),
                tracked.applied() > 0 ? "APPLIED" : "REPEAT",
                tracked.applied() + " applied, " + tracked.repeats() + " repeats",
                body);
        return new Received(tracked.applied(), tracked.repeats());
    }

    private void refused(Carrier carrier, String source, String outcome, String why, String body) {
        // Anyone can post garbage here: what is kept is bounded per source and in all.
        budgets.spend(
                "refused-tracking:" + source,
                REFUSED_KEPT_PER_SOURCE_PER_HOUR,
                Duration.ofHours(1),
                "Too many refused tracking updates from your address.");
        budgets.spend(
                "refused-tracking:all",
                REFUSED_KEPT_PER_HOUR,
                Duration.ofHours(1),
                "Too many refused tracking updates; try again later.");
        keep(carrier.id(), outcome, why, body);
    }

    private void keep(String carrier, String outcome, String detail, String body) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "INSERT INTO carrier_webhook (carrier, body, outcome, detail) VALUES (?, ?, ?, ?)")) {
            st.setString(1, carrier);
            st.setString(2, StorableText.of(body == null ? "" : body, MAX_KEPT_BODY));
            st.setString(3, outcome);
            st.setString(4, StorableText.of(detail, 1000));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep a tracking webhook", e);
        }
    }

    /** A refused tracking message as staff see it. */
    public record Refused(
            java.time.Instant receivedAt,
            String carrier,
            String outcome,
            String detail,
            String body) {}

    /**
     * The latest refused tracking messages (a wrong token, an AWB not the shop's, not a tracking
     * update), newest first; bodies cut to 2,000 characters for the page.
     */
    public List<Refused> refused(int max) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "SELECT received_at, carrier, outcome, detail, left(body, 2000) FROM carrier_webhook"
                                        + " WHERE outcome IN ('BAD_SIGNATURE', 'UNKNOWN_AWB', 'MALFORMED')"
                                        + " ORDER BY id DESC LIMIT ?")) {
            st.setInt(1, Math.max(1, Math.min(max, 500)));
            List<Refused> found = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(
                            new Refused(
                                    rs.getTimestamp(1).toInstant(),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read refused tracking webhooks", e);
        }
    }

    /** Refused webhooks older than the retention period go, every night. */
    @Schedule(hour = "3", minute = "25", persistent = false)
    void purgeRefused() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "DELETE FROM carrier_webhook WHERE outcome IN ('BAD_SIGNATURE', 'MALFORMED')"
                                        + " AND received_at < now() - make_interval(days => ?)")) {
            st.setInt(1, refusedRetentionDays);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge refused tracking webhooks", e);
        }
    }
}
