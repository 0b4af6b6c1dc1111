package dev.selvedge.web.shop;

import dev.selvedge.shared.RandomTokens;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.omnifaces.servlet.BufferedHttpServletResponse;

/**
 * A full-page cache for the browsing pages (home, categories, search, products), in the spirit of
 * Magento's behind Varnish: a rendered page is kept by its address ({@link CachedPages}) and served
 * to everyone who asks for it next, with a fresh script nonce and the visitor's own account link
 * and bag count ({@link VisitorLinks}) put in place of those it was rendered with. Whatever else a
 * page shows must be the same for every visitor, or the page marks itself {@link #PRIVATE}. A kept
 * page is served until what it shows changes (see {@link CachedPages}); prices and stock are
 * checked live again when something is put in the bag and at checkout.
 */
public class PageCache extends HttpFilter {

    /**
     * Request attribute: set (to anything) by a page bean that rendered something of this visitor's
     * own outside {@link VisitorLinks}; such a page is never kept.
     */
    public static final String PRIVATE = "selvedge.pageCache.private";

    /**
     * Request attribute: the stock figures a page shows, by SKU, as it shows them (a {@code
     * Map<String, Integer>} set by the page's bean).
     */
    public static final String SKUS = "selvedge.pageCache.skus";

    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");
    private static final String POLICY = "Content-Security-Policy";

    @Inject private CachedPages pages;
    @Inject private VisitorLinks visitors;

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!pages.enabled() || !"GET".equals(request.getMethod()) || !isBrowsing(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = address(request);
        CachedPage page = pages.get(address);
        long now = System.nanoTime();
        long generation = pages.generation();
        if (page != null) {
            long age = page.ageNanos(now);
            boolean fresh = age < pages.freshNanos();
            if (fresh || (age < pages.maxAgeNanos() && !page.claimRefresh())) {
                serve(page, request, response, fresh ? "hit" : "stale");
                return;
            }
        }
        render(address, request, response, chain, generation, now);
    }

    private static boolean isBrowsing(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/")
                || path.equals("/index.xhtml")
                || path.equals("/search")
                || path.startsWith("/c/")
                || path.startsWith("/p/");
    }

    private static String address(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getScheme()
                + ":"
                + request.getRequestURI()
                + (query == null ? "" : "?" + query);
    }

    private void serve(
            CachedPage page, HttpServletRequest request, HttpServletResponse response, String how)
            throws IOException {
        String nonce = page.hasNonce() ? newNonce() : "";
        byte[] nonceBytes = nonce.getBytes(StandardCharsets.US_ASCII);
        byte[] visitor = null;
        byte[][] pieces = page.pieces();
        CachedPage.Hole[] holes = page.holes();
        long length = 0;
        for (byte[] piece : pieces) {
            length += piece.length;
        }
        for (CachedPage.Hole hole : holes) {
            if (hole == CachedPage.Hole.NONCE) {
                length += nonceBytes.length;
            } else {
                if (visitor == null) {
                    visitor =
                            (VisitorLinks.START + visitors.html(request) + VisitorLinks.END)
                                    .getBytes(StandardCharsets.UTF_8);
                }
                length += visitor.length;
            }
        }
        response.setContentType(page.contentType());
        for (String policy : page.policies(nonce)) {
            response.addHeader(POLICY, policy);
        }
        response.setHeader("X-Page-Cache", how);
        response.setContentLengthLong(length);
        ServletOutputStream out = response.getOutputStream();
        for (int i = 0; i < pieces.length; i++) {
            out.write(pieces[i]);
            if (i < holes.length) {
                out.write(holes[i] == CachedPage.Hole.NONCE ? nonceBytes : visitor);
            }
        }
    }

    /**
     * A script nonce as PrimeFaces makes them: the Base64 of a random UUID. Its AJAX requests send
     * the page's nonce back and PrimeFaces refuses any other shape ("Invalid CSP nonce"), so a kept
     * page with another kind of nonce would lose its search suggestions.
     */
    static String newNonce() {
        return Base64.getEncoder()
                .encodeToString(RandomTokens.uuid().toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Renders the page for this visitor, and keeps it when it is the same for everyone. */
    private void render(
            String address,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            long generation,
            long start)
            throws IOException, ServletException {
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        byte[] body = capture.getBuffer();
        String contentType = capture.getContentType();
        boolean keep =
                capture.getStatus() == HttpServletResponse.SC_OK
                        && !capture.setCookie
                        && request.getAttribute(PRIVATE) == null
                        && !startedSession(request)
                        && contentType != null
                        && contentType.startsWith("text/html");
        if (keep) {
            // PrimeFaces' policy, with the page's nonce; the fixed ones SecurityHeaders sends
            // for every response anyway.
            String nonce = nonceIn(response.getHeaders(POLICY));
            List<String> policies = new ArrayList<>();
            for (String policy : response.getHeaders(POLICY)) {
                if (nonce != null && policy.contains(nonce)) {
                    policies.add(policy);
                }
            }
            pages.put(
                    address,
                    CachedPage.of(
                            new String(body, StandardCharsets.UTF_8),
                            nonce,
                            contentType,
                            policies,
                            shown(request),
                            generation,
                            start));
        } else {
            pages.drop(address);
        }
        response.setHeader("X-Page-Cache", keep ? "miss" : "pass");
        // After sendError the container renders the error page itself, through the writer.
        if (body.length > 0 && !capture.sentError && !response.isCommitted()) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private static boolean startedSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.isNew();
    }

    private static String nonceIn(Collection<String> policies) {
        for (String policy : policies) {
            Matcher m = NONCE.matcher(policy);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> shown(HttpServletRequest request) {
        Object shown = request.getAttribute(SKUS);
        return shown instanceof Map<?, ?> m ? (Map<String, Integer>) m : Map.of();
    }

    /** The page as rendered, held back, and whether it set a cookie (then it is not kept). */
    private static final class Capture extends BufferedHttpServletResponse {

        private boolean setCookie;
        private boolean sentError;

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sentError = true;
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            sentError = true;
            super.sendError(status, message);
        }

        @Override
        public void addCookie(Cookie cookie) {
            setCookie = true;
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            setCookie |= "Set-Cookie".equalsIgnoreCase(name);
            super.addHeader(name, value);
        }

        @Override
        public void setHeader(String name, String value) {
            setCookie |= "Set-Cookie".equalsIgnoreCase(name);
            super.setHeader(name, value);
        }
    }
}
