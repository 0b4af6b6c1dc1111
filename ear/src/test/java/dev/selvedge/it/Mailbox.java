package dev.selvedge.it;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server the test domain's mail session points at (server-config/test.sh): the emails the
 * shop sends, read as a shopper would.
 */
final class Mailbox {

    private Mailbox() {}

    static GreenMailExtension smtp() {
        return new GreenMailExtension(
                        new ServerSetup(shopSmtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(false);
    }

    /**
     * An SMTP server on a free port, for a test that puts a {@link LineSwitch} on the test domain's
     * SMTP port in front of it (to make the mail server slow).
     */
    static GreenMailExtension smtpOnFreePort() {
        return new GreenMailExtension(
                        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(false);
    }

    static int shopSmtpPort() {
        return Integer.parseInt(System.getProperty("it.smtp.port", "23025"));
    }

    /** The emails to an address so far. */
    static List<MimeMessage> to(GreenMailExtension smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    private static boolean isTo(MimeMessage mail, String address) {
        try {
            return GreenMailUtil.getAddressList(mail.getAllRecipients()).contains(address);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the n-th email to an address (1 = the first) and returns it. */
    static MimeMessage await(GreenMailExtension smtp, String address, int n) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < until) {
            List<MimeMessage> mails = to(smtp, address);
            if (mails.size() >= n) {
                return mails.get(n - 1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No email number " + n + " to " + address + " within 40 s");
    }

    static String body(MimeMessage mail) {
        return GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
    }

    /** The first link in an email that contains the given path. */
    static String link(MimeMessage mail, String path) {
        Matcher m =
                Pattern.compile("https?://\\S*" + Pattern.quote(path) + "\\S*").matcher(body(mail));
        if (!m.find()) {
            throw new AssertionError("No link to " + path + " in: " + body(mail));
        }
        return m.group();
    }
}
