package dev.selvedge.notification;

/**
 * A way to reach a shopper: email, SMS, WhatsApp. Each sender queues the message in the caller's
 * transaction and sends it in the background, so that nothing waits for the provider and nothing is
 * sent for work that rolled back. Chosen like the payment gateways, through CDI.
 */
public interface Notifier {

    /** Who a message goes to; either may be missing. */
    record Recipient(String email, String phone) {}

    /** The name shown to staff: "email", "sms", "whatsapp". */
    String channel();

    /** Whether this channel is switched on and can reach this shopper. */
    boolean reaches(Recipient recipient);

    /** Queues a message made from the template {@code name} with these values. */
    void send(Recipient recipient, String template, Object values);
}
