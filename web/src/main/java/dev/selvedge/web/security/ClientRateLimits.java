package dev.selvedge.web.security;

import dev.selvedge.shared.Budgets;
import dev.selvedge.shared.LimitReached;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How many writes one client address may make to the doors strangers could flood: registration and
 * password resets (each sends an email), the bag and the checkout. Beyond the limit: 429 with
 * {@code Retry-After}, as problem details on the API and as a short page elsewhere. Sign-in has its
 * own throttle (per email and address, in the database).
 */
public class ClientRateLimits extends HttpFilter {

    /** A door: the paths it covers and how many writes per client it takes in a window. */
    record Door(String name, int limit, Duration window) {}

    static final Door ACCOUNT_EMAILS = new Door("account-emails", 10, Duration.ofMinutes(10));
    static final Door BAG = new Door("bag", 120, Duration.ofMinutes(1));
    static final Door CHECKOUT = new Door("checkout", 30, Duration.ofMinutes(1));

    @Inject private Budgets budgets;

    /**
     * Client addresses the limits do not apply to (a load generator, the test suite's own address),
     * from {@code selvedge.limits.exempt-clients}; none by default. Read here rather than injected:
     * the servlet container cannot inject a generic type into a filter.
     */
    private Set<String> exempt = Set.of();

    @Override
    public void init() {
        exempt =
                ConfigProvider.getConfig()
                        .getOptionalValues("selvedge.limits.exempt-clients", String.class)
                        .map(Set::copyOf)
                        .orElse(Set.of());
    }

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Door door = doorOf(request);
        if (door != null && !exempt.contains(request.getRemoteAddr())) {
            try {
                budgets.spend(
                        door.name() + ":" + request.getRemoteAddr(),
                        door.limit(),
                        door.window(),
                        "Too many requests from your network; wait a little and try again.");
            } catch (LimitReached e) {
                response.setHeader(
                        "Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
                String path = RequestLimits.pathOf(request);
                RequestLimits.refuse(
                        response,
                        path.startsWith("/api/"),
                        429,
                        "Too many requests",
                        e.getMessage());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The door a write goes through, or null for everything that is not limited here. */
    static Door doorOf(HttpServletRequest request) {
        if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
            return null;
        }
        String path = RequestLimits.pathOf(request);
        if (path.equals("/register.xhtml") || path.equals("/forgot-password.xhtml")) {
            return ACCOUNT_EMAILS;
        }
        if (path.startsWith("/api/v1/cart") || path.equals("/bag.xhtml")) {
            return BAG;
        }
        if (path.startsWith("/api/v1/checkout") || path.startsWith("/checkout/")) {
            return CHECKOUT;
        }
        return null;
    }
}
