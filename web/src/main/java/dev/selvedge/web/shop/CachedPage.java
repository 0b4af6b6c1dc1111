package dev.selvedge.web.shop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
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
    private final Set<String> skus;
    private final long renderedAt;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    private CachedPage(
            byte[][] pieces,
            Hole[] holes,
            String contentType,
            List<String[]> policies,
            Set<String> skus,
            long renderedAt) {
        this.pieces = pieces;
        this.holes = holes;
        this.contentType = contentType;
        this.policies = policies;
        this.skus = skus;
        this.renderedAt = renderedAt;
    }

    /**
     * A page as rendered for a visitor, with the nonce it was rendered with (null if none) and its
     * Content-Security-Policy headers.
     */
    static CachedPage of(
            String html,
            String nonce,
            String contentType,
            Collection<String> policyHeaders,
            Set<String> skus,
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
                Set.copyOf(skus),
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

    /** The SKUs whose stock the page shows: a change of one drops the page. */
    Set<String> skus() {
        return skus;
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
