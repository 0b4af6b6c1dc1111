package dev.selvedge.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The headers every answer carries (pages, API, pictures, errors), set before anything is written
 * so that they survive on HTTP/2 as on HTTP/1.1: no sniffing of content types, no framing by other
 * sites, no plugins, no foreign base URL, the referrer cut to the origin across sites, and HSTS on
 * HTTPS. Cookies the application or the Faces runtime add (the flash cookie among them) are made
 * Secure, and SameSite=Lax when they do not say otherwise.
 */
public class SecurityHeaders extends HttpFilter {

    /**
     * In a real deployment behind HTTPS: plain HTTP requests are sent to {@code
     * selvedge.public-url} (which is then https://...), and browsers are told by HSTS to come back
     * over HTTPS only. Off by default: HSTS would pin the demo's http://localhost:8080 to HTTPS in
     * the browser for a year.
     */
    private static boolean httpsOnly() {
        return ConfigProvider.getConfig()
                .getOptionalValue("selvedge.https-only", Boolean.class)
                .orElse(false);
    }

    @Inject
    @ConfigProperty(name = "selvedge.public-url", defaultValue = "http://localhost:8080")
    private String publicUrl;

    static final String POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        if (!request.isSecure() && httpsOnly() && publicUrl.startsWith("https://")) {
            String query = request.getQueryString();
            response.setStatus(
                    request.getMethod().equals("GET") || request.getMethod().equals("HEAD")
                            ? HttpServletResponse.SC_MOVED_PERMANENTLY
                            : 308);
            response.setHeader(
                    "Location",
                    publicUrl.replaceAll("/+$", "")
                            + request.getRequestURI()
                            + (query == null ? "" : "?" + query));
            return;
        }
        chain.doFilter(request, new SecureCookies(response));
    }

    /**
     * The headers themselves; also set by {@link SignInMechanism}, whose redirects to the sign-in
     * page are answered before any filter runs.
     */
    static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (request.isSecure() && httpsOnly()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }

    /** Gives every cookie added through the application the flags it must have. */
    static final class SecureCookies extends HttpServletResponseWrapper {
        SecureCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            if (cookie.getAttribute("SameSite") == null) {
                cookie.setAttribute("SameSite", "Lax");
            }
            super.addCookie(cookie);
        }
    }
}
