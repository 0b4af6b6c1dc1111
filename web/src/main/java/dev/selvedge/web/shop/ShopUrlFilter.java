package dev.selvedge.web.shop;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Maps the shop's readable URLs onto its Facelets views: {@code /c/women/topwear/shirts} to the
 * listing, {@code /search?q=} to the listing, {@code /p/<slug>} to the product page. The address
 * bar keeps the readable URL, so every page a shopper sees can be bookmarked and shared.
 */
@WebFilter(urlPatterns = {"/c/*", "/p/*", "/search", "/orders/*"})
public class ShopUrlFilter extends HttpFilter {

    public static final String CATEGORY = "selvedge.categoryPath";
    public static final String PRODUCT = "selvedge.productSlug";
    public static final String ORDER = "selvedge.orderNumber";

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The servlet path depends on which servlet matched (here the default one), so route on the
        // URI.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/c/")) {
            String category = trimSlashes(path.substring(3));
            if (category.isEmpty()) {
                response.sendRedirect(request.getContextPath() + "/");
                return;
            }
            request.setAttribute(CATEGORY, category);
            request.getRequestDispatcher("/listing.xhtml").forward(request, response);
        } else if (path.startsWith("/p/")) {
            request.setAttribute(PRODUCT, trimSlashes(path.substring(3)));
            request.getRequestDispatcher("/product.xhtml").forward(request, response);
        } else if (path.startsWith("/orders/")) {
            request.setAttribute(ORDER, trimSlashes(path.substring(8)));
            request.getRequestDispatcher("/order.xhtml").forward(request, response);
        } else if (path.equals("/search")) {
            request.getRequestDispatcher("/listing.xhtml").forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static String trimSlashes(String s) {
        return s.replaceAll("^/+|/+$", "");
    }
}
