package dev.selvedge.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fills in the shop's JSF forms over plain HTTP, as a browser would: keeps the session cookie
 * (Secure, which Java's own cookie handler would not send over http://localhost), reads the form's
 * view state and posts it back. For tests that need many quick requests.
 */
final class FormClient {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

    /** The page's CSP nonce, which PrimeFaces' script adds to every form a browser posts. */
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String page = "";
    private java.util.List<String> lastSetCookies = java.util.List.of();

    record Page(int status, String location, String html) {}

    Page get(String pathOrUrl) throws Exception {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    /**
     * Posts the form with this id on the last page read, with these fields (ids without the form's
     * prefix).
     */
    Page submit(String formId, String button, Map<String, String> fields) throws Exception {
        return submit(formId, button, fields, Map.of());
    }

    /** As {@link #submit(String, String, Map)}, with fields the form names without its prefix. */
    Page submit(String formId, String button, Map<String, String> fields, Map<String, String> plain)
            throws Exception {
        Matcher state = VIEW_STATE.matcher(page);
        if (!state.find()) {
            throw new AssertionError("No view state on the page: " + page);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        fields.forEach((k, v) -> form.put(formId + ":" + k, v));
        form.putAll(plain);
        form.put(formId + ":" + button, "go");
        form.put("jakarta.faces.ViewState", state.group(1));
        Matcher nonce = NONCE.matcher(page);
        if (nonce.find()) {
            form.put("primefaces.nonce", nonce.group(1));
        }
        String body =
                form.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"));
        String action = actionOf(formId);
        return send(
                HttpRequest.newBuilder(uri(action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends JSON to the API with this client's cookies (the bag cookie, the session). */
    Page json(String method, String path, String json) throws Exception {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts a plain form (as another site's page posting back to the shop would). */
    Page postForm(String path, Map<String, String> fields) throws Exception {
        String body =
                fields.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"));
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    /** Sets a cookie, as a browser that kept it from an earlier visit sends it. */
    void keep(String name, String value) {
        cookies.put(name, value);
    }

    /** Drops a cookie, as a browser does when a session cookie's session has timed out. */
    void forget(String name) {
        cookies.remove(name);
    }

    /** The Set-Cookie headers of the last answer. */
    java.util.List<String> setCookies() {
        return lastSetCookies;
    }

    private String actionOf(String formId) {
        Matcher m =
                Pattern.compile(
                                "<form id=\""
                                        + Pattern.quote(formId)
                                        + "\"[^>]*action=\"([^\"]+)\"")
                        .matcher(page);
        if (!m.find()) {
            throw new AssertionError("No form " + formId + " on the page");
        }
        return m.group(1).replace("&amp;", "&");
    }

    private Page send(HttpRequest.Builder request) throws Exception {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response =
                http.send(
                        request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
        lastSetCookies = response.headers().allValues("Set-Cookie");
        for (String set : lastSetCookies) {
            Matcher m = COOKIE.matcher(set);
            if (m.find()) {
                if (set.contains("Max-Age=0")) {
                    cookies.remove(m.group(1).strip());
                } else {
                    cookies.put(m.group(1).strip(), m.group(2));
                }
            }
        }
        page = response.body();
        return new Page(
                response.statusCode(),
                response.headers().firstValue("Location").orElse(null),
                page);
    }

    private static URI uri(String pathOrUrl) {
        return URI.create(
                pathOrUrl.startsWith("http") ? pathOrUrl : ShopDeployment.baseUrl() + pathOrUrl);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
