package dev.selvedge.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What any request may be, checked before the application reads it: a body within the limit of its
 * door (413 beyond it, whether the length is announced or the body comes chunked), no body on
 * methods that have none, no NUL character in the address (PostgreSQL cannot store one), and no
 * TRACE. The API answers in problem details, pages in a short HTML page.
 */
public class RequestLimits extends HttpFilter {

    /** Bodies of the API: a checkout of 50 lines is about 5 KB. */
    static final int API_BODY_BYTES = 64 * 1024;

    /** Payment providers' webhooks, which carry the provider's whole object. */
    static final int WEBHOOK_BODY_BYTES = 256 * 1024;

    /** Forms of the pages (server-side view state keeps them small). */
    static final int FORM_BODY_BYTES = 256 * 1024;

    /** What the HTTP listeners take at all (max-post-size-bytes, set by server-config). */
    static final int SERVER_BODY_BYTES = 1024 * 1024;

    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "DELETE", "OPTIONS");

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = pathOf(request);
        boolean api = path.startsWith("/api/");
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (method.equals("TRACE")) {
            response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
            refuse(response, api, 405, "Method not allowed", "TRACE is not served here.");
            return;
        }
        String query = request.getQueryString();
        if (hasNul(request.getRequestURI()) || (query != null && hasNul(query))) {
            refuse(
                    response,
                    api,
                    400,
                    "Bad request",
                    "The address may not contain NUL characters.");
            return;
        }
        if (!api
                && (method.equals("GET") || method.equals("HEAD"))
                && request.getParameter("jakarta.faces.ViewState") != null) {
            // Only a form's POST carries view state; on a GET it would pass for a postback.
            refuse(response, false, 400, "Bad request", "This address does not take view state.");
            return;
        }
        if (!api
                && method.equals("POST")
                && request.getContentType() != null
                && request.getContentType().startsWith("application/x-www-form-urlencoded")
                && request.getContentLengthLong() <= FORM_BODY_BYTES
                && request.getParameterMap().values().stream()
                        .flatMap(java.util.Arrays::stream)
                        .anyMatch(v -> v.indexOf('\0') >= 0)) {
            // Parsing the form here is what the page would do next anyway.
            refuse(
                    response,
                    false,
                    400,
                    "Bad request",
                    "A form field may not contain NUL characters.");
            return;
        }
        long announced = request.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (WITHOUT_BODY.contains(method) && (announced > 0 || chunked)) {
            refuse(response, api, 400, "Bad request", method + " requests take no body.");
            return;
        }
        int limit =
                path.startsWith("/api/v1/payments/")
                        ? WEBHOOK_BODY_BYTES
                        : api ? API_BODY_BYTES : FORM_BODY_BYTES;
        if (announced > limit) {
            tooLarge(request, response, api, limit);
            return;
        }
        if (announced < 0 && api && !WITHOUT_BODY.contains(method)) {
            // No length announced (chunked): read up to the limit here, so no reader sees more.
            // A page's form is parsed by the container itself, within the listener's 1 MB.
            byte[] body = readAtMost(request.getInputStream(), limit);
            if (body == null) {
                tooLarge(request, response, api, limit);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The path the container routes on: decoded, without {@code ;parameters}, so that {@code
     * /register.xhtml;x} is {@code /register.xhtml} here as it is for the servlet it reaches.
     */
    static String pathOf(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    private static boolean hasNul(String raw) {
        return raw.indexOf('\0') >= 0 || raw.toLowerCase(Locale.ROOT).contains("%00");
    }

    private static void tooLarge(
            HttpServletRequest request, HttpServletResponse response, boolean api, int limit)
            throws IOException {
        // Read (and drop) what the listener would take anyway, so that the client, still sending,
        // gets the answer rather than a broken connection.
        drain(request.getInputStream(), SERVER_BODY_BYTES);
        refuse(
                response,
                api,
                413,
                "Content too large",
                "The body is larger than " + (limit / 1024) + " KB, the most this address takes.");
    }

    /** A short answer in the form the caller reads: problem details, or a plain page. */
    static void refuse(
            HttpServletResponse response, boolean api, int status, String title, String detail)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        // What the client sent may not have been read: never parse its rest as another request.
        response.setHeader("Connection", "close");
        byte[] body;
        if (api) {
            response.setContentType("application/problem+json");
            body =
                    ("{\"type\":\"https://selvedge.dev/problems/http-"
                                    + status
                                    + "\",\"title\":\""
                                    + title
                                    + "\",\"status\":"
                                    + status
                                    + ",\"detail\":\""
                                    + detail
                                    + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("text/html;charset=UTF-8");
            body =
                    ("<!DOCTYPE html><html lang=\"en\"><head><title>"
                                    + title
                                    + " | Selvedge</title></head><body><h1>"
                                    + title
                                    + "</h1><p>"
                                    + detail
                                    + "</p><p><a href=\"/\">Back to the shop</a></p></body></html>")
                            .getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void drain(InputStream in, long max) {
        byte[] buffer = new byte[8192];
        long read = 0;
        int n;
        try {
            while (read < max && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException beyondTheListenersLimit) {
            // A chunked body past the listener's own limit: the answer goes anyway, and the
            // connection closes after it (it was a 500 page before).
        }
    }

    /** The whole body when it is at most {@code limit} bytes, else null. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** A request whose body was read here; readers get it from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;
        private ServletInputStream stream;
        private java.io.BufferedReader reader;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        /**
         * One stream for the whole request, as the container's own: Jersey asks for it again at
         * every read, and a new stream each time started the body over, without end (a chunked body
         * of two bytes filled the heap).
         */
        @Override
        public ServletInputStream getInputStream() {
            if (stream == null) {
                stream = streamOf(new ByteArrayInputStream(body));
            }
            return stream;
        }

        private static ServletInputStream streamOf(ByteArrayInputStream in) {
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body was read already");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            if (reader != null) {
                return reader;
            }
            String encoding = getCharacterEncoding();
            reader =
                    new java.io.BufferedReader(
                            new java.io.InputStreamReader(
                                    new ByteArrayInputStream(body),
                                    encoding == null
                                            ? StandardCharsets.UTF_8
                                            : java.nio.charset.Charset.forName(encoding)));
            return reader;
        }
    }
}
