package dev.selvedge.web.shop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.util.Faces;

/**
 * The only part of a browsing page that belongs to its visitor: the header's account link and bag
 * count. Pages render it between markers, so that a page kept by {@link PageCache} can be served to
 * anyone with their own links put in its place.
 */
@Named
@ApplicationScoped
public class VisitorLinks {

    static final String START = "<!--visitor-->";
    static final String END = "<!--/visitor-->";

    @Inject private BagCookie bags;

    /** For the page template: this visitor's links, between the markers. */
    public String html(int bagCount) {
        HttpServletRequest request = Faces.getRequest();
        return START
                + html(request.getContextPath(), request.getRemoteUser() != null, bagCount)
                + END;
    }

    /** This visitor's links. */
    String html(HttpServletRequest request) {
        return html(request.getContextPath(), request.getRemoteUser() != null, bags.count(request));
    }

    static String html(String contextPath, boolean signedIn, int bagCount) {
        return "<a class=\"shop-header__account\" id=\"account-link\" href=\""
                + contextPath
                + (signedIn ? "/account/index.xhtml\">Your account" : "/sign-in.xhtml\">Sign in")
                + "</a><a class=\"shop-header__bag\" id=\"bag-link\" href=\""
                + contextPath
                + "/bag.xhtml\" aria-label=\"Bag, "
                + bagCount
                + (bagCount == 1 ? " item" : " items")
                + "\">Bag <span class=\"bag-count\" id=\"bag-count\">"
                + bagCount
                + "</span></a>";
    }
}
