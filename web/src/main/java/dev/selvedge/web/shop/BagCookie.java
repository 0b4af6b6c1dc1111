package dev.selvedge.web.shop;

import dev.selvedge.account.Account;
import dev.selvedge.account.AccountService;
import dev.selvedge.ordering.CartOwner;
import dev.selvedge.ordering.CartService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which bag a request is about. A signed-in shopper's is their account's; a guest's is found by the
 * random token in the {@code bag} cookie (HttpOnly, Secure, SameSite=Lax, 30 days), made at the
 * first thing put in the bag. At sign-in the guest's bag joins the account's and the cookie gets a
 * new token that leads to the account's bag, so that when the session times out the shop can ask
 * the shopper to sign in again instead of showing an empty bag.
 */
@ApplicationScoped
public class BagCookie {

    static final String NAME = "bag";
    private static final int MAX_AGE = (int) Duration.ofDays(30).toSeconds();

    @EJB private CartService carts;
    @EJB private AccountService accounts;

    /** The bag of this request, if there is one to show. */
    public Optional<CartOwner> owner(HttpServletRequest request) {
        if (request.getRemoteUser() != null) {
            return accounts.find(request.getRemoteUser())
                    .map(Account::getId)
                    .map(CartOwner.Account::new);
        }
        return token(request).filter(t -> !carts.heldByAccount(t)).map(CartOwner.Guest::new);
    }

    /** Pieces in this request's bag (0 without one), for the header's count. */
    public int count(HttpServletRequest request) {
        return owner(request).map(carts::count).orElse(0);
    }

    /** The bag to change, made (with its cookie) for a guest who has none yet. */
    public CartOwner ownerForChange(HttpServletRequest request, HttpServletResponse response) {
        return owner(request)
                .orElseGet(
                        () -> {
                            String token = CartService.newToken();
                            set(request, response, token);
                            return new CartOwner.Guest(token);
                        });
    }

    /**
     * The cookie leads to a signed-in shopper's bag but nobody is signed in: their session ended,
     * and they are asked to sign in again to get back to it.
     */
    public boolean sessionEnded(HttpServletRequest request) {
        return request.getRemoteUser() == null
                && token(request).filter(carts::heldByAccount).isPresent();
    }

    /** Called at sign-in: the guest bag joins the account's, under a new token. */
    public void signedIn(HttpServletRequest request, HttpServletResponse response, long accountId) {
        String token = CartService.newToken();
        carts.signedIn(token(request).orElse(null), accountId, token);
        set(request, response, token);
    }

    /** Called at sign-out: this browser no longer leads to the account's bag. */
    public void signedOut(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = cookie(request, "");
        cookie.setMaxAge(0);
        response.addCookie(cookie);
    }

    private static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(c -> NAME.equals(c.getName()))
                        .map(Cookie::getValue)
                        .filter(v -> v.matches("[A-Za-z0-9_-]{43}"))
                        .findFirst();
    }

    private static void set(
            HttpServletRequest request, HttpServletResponse response, String token) {
        Cookie cookie = cookie(request, token);
        cookie.setMaxAge(MAX_AGE);
        response.addCookie(cookie);
    }

    private static Cookie cookie(HttpServletRequest request, String value) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(true);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
