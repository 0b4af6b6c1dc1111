package dev.selvedge.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The script part of the pages' Content-Security-Policy, which PrimeFaces sends with a fresh nonce
 * for every page ({@code primefaces.CSP}): scripts from the shop itself and those carrying the
 * nonce, plus Razorpay's checkout script (and what it loads from Razorpay) when Razorpay is
 * offered. Inline scripts and event handlers without the nonce do not run.
 */
@Named
@ApplicationScoped
public class ScriptPolicy {

    @Inject
    @ConfigProperty(name = "selvedge.payment.razorpay.enabled", defaultValue = "false")
    boolean razorpay;

    @Inject
    @ConfigProperty(
            name = "selvedge.payment.razorpay.checkout-js",
            defaultValue = "https://checkout.razorpay.com/v1/checkout.js")
    String razorpayCheckoutJs;

    public String getPolicy() {
        if (!razorpay) {
            return "script-src 'self'";
        }
        URI script = URI.create(razorpayCheckoutJs);
        String origin =
                script.getScheme()
                        + "://"
                        + script.getHost()
                        + (script.getPort() < 0 ? "" : ":" + script.getPort());
        return "script-src 'self' " + origin + " https://*.razorpay.com";
    }
}
