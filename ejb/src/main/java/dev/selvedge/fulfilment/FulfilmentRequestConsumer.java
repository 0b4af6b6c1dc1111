package dev.selvedge.fulfilment;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The work on {@code jms/orders/fulfilment}: allocating confirmed orders (FULFILMENT_REQUESTED) and
 * booking packed parcels with their carrier (BOOK_SHIPMENT).
 *
 * <p>A message that cannot be handled however often it is tried (bad JSON, no such order, units no
 * location holds, a carrier that refuses the parcel) is parked for staff at once; one that failed
 * otherwise is delivered again, and parked at the configured attempt. A carrier that cannot be
 * reached is asked again later with a growing pause (a new message, delayed), and the parcel is
 * parked as BOOKING_FAILED after the last try. Either way the message leaves the queue.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "jms/orders/fulfilment"),
            @ActivationConfigProperty(
                    propertyName = "destinationType",
                    propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(
                    propertyName = "connectionFactoryLookup",
                    propertyValue = "jms/shop/connections"),
            @ActivationConfigProperty(propertyName = "userName", propertyValue = "selvedge"),
            // At most 24 at once. A booking waits for the carrier holding no database connection
            // (its steps take one each, briefly), so waiting bookings cost threads, not the pool
            // (40, shared with the web); without a bound the container's 32 consumers of each
            // destination starved one another of connections under load (seen in the benchmark).
            @ActivationConfigProperty(propertyName = "endpointPoolMaxSize", propertyValue = "24"),
            @ActivationConfigProperty(
                    propertyName = "password",
                    propertyValue = "${ALIAS=mq-app-password}")
        })
public class FulfilmentRequestConsumer implements MessageListener {

    static final String QUEUE = "jms/orders/fulfilment";

    @EJB private FulfilmentService fulfilment;
    @EJB private ShipmentBookings bookings;
    @EJB private ParkedMessages parked;
    @EJB private OrderRefunds refunds;
    @Inject private Carriers carriers;

    @Inject
    @ConfigProperty(name = "selvedge.fulfilment.max-attempts", defaultValue = "5")
    private int maxAttempts;

    /** Tries of a booking while the carrier cannot be reached, the first included. */
    @Inject
    @ConfigProperty(name = "selvedge.fulfilment.booking-tries", defaultValue = "6")
    private int bookingTries;

    /** The pause before the second try; it doubles at each try after. */
    @Inject
    @ConfigProperty(name = "selvedge.fulfilment.booking-retry-seconds", defaultValue = "30")
    private int retrySeconds;

    @Resource(lookup = "jms/shop/connections")
    private ConnectionFactory connections;

    @Resource(lookup = "jms/orders/fulfilment")
    private Queue queue;

    @Resource private MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        OrderMessageDelivery.handle(
                message,
                QUEUE,
                parked,
                context,
                maxAttempts,
                json -> {
                    switch (json.getString("type", "")) {
                        case "FULFILMENT_REQUESTED" -> allocate(json);
                        case "BOOK_SHIPMENT" -> book(json);
                        case "CANCEL_SHIPMENT" -> cancelBooking(json);
                        case "REFUND" -> refund(json);
                        case "REALLOCATE" -> reallocate(json);
                        default ->
                                throw new FulfilmentProblem(
                                        "Unknown type '" + json.getString("type", "") + "'");
                    }
                });
    }

    private void allocate(JsonObject json) {
        String number = json.getString("orderNumber", "");
        if (number.isEmpty() || number.length() > 40) {
            throw new FulfilmentProblem("The request names no order (orderNumber)");
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(json.getString("eventId", ""));
        } catch (IllegalArgumentException e) {
            throw new FulfilmentProblem("Not a fulfilment request: eventId is not a UUID");
        }
        fulfilment.allocate(eventId, number);
    }

    private void book(JsonObject json) {
        long shipmentId = number(json, "shipmentId");
        int tries = (int) number(json, "tries");
        ShipmentBookings.Claimed claimed = bookings.claim(shipmentId, tries).orElse(null);
        if (claimed == null) {
            return; // Booked already, or a repeat of a request another delivery is handling.
        }
        Carrier carrier = carriers.byId(claimed.carrier()).orElseThrow();
        CarrierBooking booking;
        try {
            booking = carrier.book(claimed.request());
        } catch (CarrierFailure e) {
            String reason = carrier.label() + ": " + e.getMessage();
            if (e.retryable() && claimed.tries() < bookingTries) {
                bookings.retrying(shipmentId, reason);
                long pause = pauseAfter(claimed.tries());
                try (JMSContext jms = connections.createContext()) {
                    // Goes with this message's transaction: a rollback sends nothing.
                    jms.createProducer()
                            .setDeliveryDelay(pause)
                            .send(queue, ShipmentBookings.request(shipmentId, claimed.tries()));
                }
                return;
            }
            bookings.failed(shipmentId, reason);
            throw new FulfilmentProblem(
                    "Parcel "
                            + claimed.request().reference()
                            + " not booked after "
                            + claimed.tries()
                            + (claimed.tries() == 1 ? " try: " : " tries: ")
                            + reason);
        }
        byte[] label = new byte[0];
        String labelProblem = null;
        if (booking.labelUrl() != null) {
            try {
                label = carrier.labelPdf(booking);
            } catch (CarrierFailure e) {
                labelProblem = e.getMessage(); // Booked all the same; fetched again on printing.
            }
        }
        bookings.booked(shipmentId, booking, label, labelProblem);
    }

    /** Units not on the shelf where they were sold go from another location, or are parked. */
    private void reallocate(JsonObject json) {
        UUID eventId;
        try {
            eventId = UUID.fromString(json.getString("eventId", ""));
        } catch (IllegalArgumentException e) {
            throw new FulfilmentProblem("Not a re-allocation: eventId is not a UUID");
        }
        String number = json.getString("orderNumber", "");
        String sku = json.getString("sku", "");
        String from = json.getString("from", "");
        int units = (int) number(json, "units");
        if (number.isEmpty() || sku.isEmpty() || from.isEmpty() || units < 1 || units > 1000) {
            throw new FulfilmentProblem("A re-allocation names its order, SKU, units and location");
        }
        fulfilment.reallocate(eventId, number, sku, units, from);
    }

    /** A parcel of a cancelled order had an AWB: the carrier is told, so that no rider comes. */
    private void cancelBooking(JsonObject json) {
        long shipmentId = number(json, "shipmentId");
        ShipmentBookings.OnTheWay booked = bookings.cancelledBooking(shipmentId).orElse(null);
        if (booked == null) {
            return;
        }
        Carrier carrier =
                carriers.byId(booked.carrier())
                        .orElseThrow(() -> new FulfilmentProblem("No carrier " + booked.carrier()));
        try {
            carrier.cancel(booked.booking());
            bookings.noted(shipmentId, carrier.label() + ": booking cancelled");
        } catch (CarrierFailure e) {
            String reason =
                    "Cancel AWB "
                            + booked.booking().awb()
                            + " with "
                            + carrier.label()
                            + ": "
                            + e.getMessage();
            if (e.retryable()) {
                throw new IllegalStateException(reason, e); // Delivered again, parked at the last.
            }
            throw new FulfilmentProblem(reason);
        }
    }

    /** A cancelled order's money goes back; a provider that is down is asked again later. */
    private void refund(JsonObject json) {
        long refundId = number(json, "refundId");
        int tries = json.getInt("tries", 0) + 1;
        if (refunds.attempt(refundId, bookingTries) == OrderRefunds.Outcome.RETRY) {
            try (JMSContext jms = connections.createContext()) {
                jms.createProducer()
                        .setDeliveryDelay(pauseAfter(tries))
                        .send(queue, OrderRefunds.request(refundId, tries));
            }
        }
    }

    /** The pause before the next try of a provider that could not be reached: doubling. */
    private long pauseAfter(int tries) {
        return retrySeconds * 1000L * (1L << Math.min(tries - 1, 10));
    }

    private static long number(JsonObject json, String name) {
        if (!(json.get(name) instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
            throw new FulfilmentProblem(name + " is not a whole number");
        }
        return n.longValue();
    }

    static JsonObject parse(String body) {
        if (body == null || body.isBlank() || body.length() > ParkedMessages.MAX_KEPT_BODY) {
            throw new FulfilmentProblem("Not an order message: send JSON text with a type");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new FulfilmentProblem("Not an order message: " + e.getMessage());
        }
    }
}
