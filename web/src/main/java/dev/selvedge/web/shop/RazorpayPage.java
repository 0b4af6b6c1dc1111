package dev.selvedge.web.shop;

import dev.selvedge.ordering.CheckoutService;
import dev.selvedge.ordering.CheckoutService.PendingPayment;
import dev.selvedge.payment.razorpay.RazorpayGateway;
import dev.selvedge.shared.JsonObjects;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.omnifaces.util.Faces;

/**
 * {@code /checkout/razorpay.xhtml?order=}: opens Razorpay Checkout (Razorpay's own payment form, in
 * its frame: card numbers never touch this shop) for an order of this bag; Razorpay posts the
 * signed outcome to the return page.
 */
@Named
@RequestScoped
public class RazorpayPage {

    @Inject private BagCookie bags;
    @EJB private CheckoutService checkout;
    @Inject private RazorpayGateway razorpay;

    @Inject
    @ConfigProperty(
            name = "selvedge.payment.razorpay.checkout-js",
            defaultValue = "https://checkout.razorpay.com/v1/checkout.js")
    String checkoutJs;

    @Inject
    @ConfigProperty(name = "selvedge.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    private PendingPayment pending;

    public void load() {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        String number = Faces.getRequestParameter("order");
        pending =
                number == null
                        ? null
                        : bags.owner(Faces.getRequest())
                                .flatMap(owner -> checkout.pendingPayment(owner, number))
                                .orElse(null);
        if (pending == null) {
            try {
                context.redirect(context.getRequestContextPath() + "/bag.xhtml");
                FacesContext.getCurrentInstance().responseComplete();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public PendingPayment getPending() {
        return pending;
    }

    public String getCheckoutJs() {
        return checkoutJs;
    }

    /** Razorpay Checkout's options, as JSON for the page's script. */
    public String getOptions() {
        String back =
                publicUrl
                        + "/checkout/return.xhtml?order="
                        + URLEncoder.encode(pending.orderNumber(), StandardCharsets.UTF_8);
        return JsonObjects.object()
                .add("key", razorpay.keyId())
                .add("order_id", pending.reference())
                .add("amount", pending.amountMinor())
                .add("currency", pending.currency())
                .add("name", "Selvedge")
                .add("description", "Order " + pending.orderNumber())
                .add("callback_url", back)
                .add("redirect", true)
                .add(
                        "prefill",
                        JsonObjects.object()
                                .add("name", pending.name())
                                .add("email", pending.email())
                                .add("contact", pending.phone()))
                .build()
                .toString()
                .replace("<", "\\u003c");
    }

    public String getCancelUrl() {
        return "/checkout/return.xhtml?order="
                + URLEncoder.encode(pending.orderNumber(), StandardCharsets.UTF_8)
                + "&cancelled=true";
    }
}
