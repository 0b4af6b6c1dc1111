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
@WebFilter(urlPatterns = {"/c/*", "/p/*", "/search"})
public class ShopUrlFilter extends HttpFilter {

    public static final String CATEGORY = "selvedge.categoryPath";
    public static final String PRODUCT = "selvedge.productSlug";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String servletPath = request.getServletPath();
        String rest = request.getPathInfo() == null ? "" : request.getPathInfo().replaceAll("^/+|/+$", "");
        switch (servletPath) {
            case "/c" -> {
                if (rest.isEmpty()) {
                    response.sendRedirect(request.getContextPath() + "/");
                    return;
                }
                request.setAttribute(CATEGORY, rest);
                request.getRequestDispatcher("/listing.xhtml").forward(request, response);
            }
            case "/p" -> {
                request.setAttribute(PRODUCT, rest);
                request.getRequestDispatcher("/product.xhtml").forward(request, response);
            }
            default -> request.getRequestDispatcher("/listing.xhtml").forward(request, response);
        }
    }
}
