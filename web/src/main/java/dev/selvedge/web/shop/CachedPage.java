package dev.selvedge.web.shop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A rendered browsing page as {@link PageCache} keeps it: its bytes cut where the script nonce and
 * the visitor's links go, so that serving it is writing the pieces with a fresh nonce and this
 * visitor's links between them.
 */
final class CachedPage {

    /** What goes between two pieces. */
    enum Hole {
        NONCE,
        VISITOR
    }

    private final byte[][] pieces;
    private final Hole[] holes;
    private final String contentType;
    private final List<String[]> policies;
    private final Map<String, Integer> shown;
    private final long generation;
    private final long renderedAt;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    private CachedPage(
            byte[][] pieces,
            Hole[] holes,
            String contentType,
            List<String[]> policies,
            Map<String, Integer> shown,
            long generation,
            long renderedAt) {
        this.pieces = pieces;
        this.holes = holes;
        this.contentType = contentType;
        this.policies = policies;
        this.shown = shown;
        this.generation = generation;
        this.renderedAt = renderedAt;
    }

    /**
     * A page as rendered for a visitor, with the nonce it was rendered with (null if none) and its
     * Content-Security-Policy headers, the stock figures it shows by SKU, and the catalogue
     * generation it was rendered under.
     */
    static CachedPage of(
            String html,
            String nonce,
            String contentType,
            Collection<String> policyHeaders,
            Map<String, Integer> shown,
            long generation,
            long renderedAt) {
        List<byte[]> pieces = new ArrayList<>();
        List<Hole> holes = new ArrayList<>();
        int at = 0;
        while (true) {
            int nonceAt = nonce == null ? -1 : html.indexOf(nonce, at);
            int visitorAt = html.indexOf(VisitorLinks.START, at);
            int next =
                    nonceAt < 0
                            ? visitorAt
                            : visitorAt < 0 ? nonceAt : Math.min(nonceAt, visitorAt);
            if (next < 0) {
                break;
            }
            pieces.add(html.substring(at, next).getBytes(StandardCharsets.UTF_8));
            if (next == nonceAt) {
                holes.add(Hole.NONCE);
                at = next + nonce.length();
            } else {
                int end = html.indexOf(VisitorLinks.END, next);
                if (end < 0) {
                    throw new IllegalStateException("A visitor block without its end");
                }
                holes.add(Hole.VISITOR);
                at = end + VisitorLinks.END.length();
            }
        }
        pieces.add(html.substring(at).getBytes(StandardCharsets.UTF_8));
        List<String[]> policies = new ArrayList<>();
        for (String header : policyHeaders) {
            policies.add(
                    nonce == null || !header.contains(nonce)
                            ? new String[] {header}
                            : header.split(java.util.regex.Pattern.quote(nonce), -1));
        }
        return new CachedPage(
                pieces.toArray(byte[][]::new),
                holes.toArray(Hole[]::new),
                contentType,
                policies,
                Map.copyOf(shown),
                generation,
                renderedAt);
    }

    byte[][] pieces() {
        return pieces;
    }

    Hole[] holes() {
        return holes;
    }

    String contentType() {
        return contentType;
    }

    /** The page's Content-Security-Policy headers with this nonce in them. */
    List<String> policies(String nonce) {
        return policies.stream().map(parts -> String.join(nonce, parts)).toList();
    }

    boolean hasNonce() {
        for (Hole hole : holes) {
            if (hole == Hole.NONCE) {
                return true;
            }
        }
        return false;
    }

    /** The stock figure the page shows for each SKU it shows one of (as the page shows it). */
    Map<String, Integer> shown() {
        return shown;
    }

    /** The catalogue generation it was rendered under: under a later one it is out of date. */
    long generation() {
        return generation;
    }

    long ageNanos(long now) {
        return now - renderedAt;
    }

    /** Whether this request is the one to render the page again (only one is). */
    boolean claimRefresh() {
        return refreshing.compareAndSet(false, true);
    }

    /** Bytes kept, for the cache's size limit. */
    int weight() {
        int weight = 200;
        for (byte[] piece : pieces) {
            weight += piece.length;
        }
        return weight;
    }
}
