package dev.selvedge.web.security;

import dev.selvedge.account.AccountService;
import dev.selvedge.account.Role;
import dev.selvedge.account.SignIn;
import dev.selvedge.web.shop.BagCookie;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * How shoppers and staff sign in (Jakarta Security). The sign-in pages call {@code
 * SecurityContext.authenticate} with the email and password; this checks them with {@link
 * AccountService} (throttled, same cost for unknown emails), gives the session a new id and
 * remembers the caller in it. A protected page asked for without signing in leads to the right
 * sign-in page, which comes back to it afterwards.
 */
@ApplicationScoped
@AutoApplySession
public class SignInMechanism implements HttpAuthenticationMechanism {

    /** Request attribute with the {@link SignIn} outcome, for the page to explain a refusal. */
    public static final String OUTCOME = "selvedge.signIn";

    @EJB private AccountService accounts;

    @Inject private BagCookie bags;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        SecurityHeaders.apply(request, response);
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential()
                        instanceof UsernamePasswordCredential credential) {
            SignIn outcome =
                    accounts.signIn(
                            credential.getCaller(),
                            credential.getPasswordAsString(),
                            request.getRemoteAddr(),
                            deviceToken(request));
            request.setAttribute(OUTCOME, outcome);
            if (outcome instanceof SignIn.Accepted accepted) {
                if (request.getSession(false) != null) {
                    request.changeSessionId(); // No session fixation.
                }
                rememberDevice(response, accepted.deviceToken());
                if (accepted.roles().contains(Role.CUSTOMER)) {
                    accounts.find(accepted.email())
                            .ifPresent(a -> bags.signedIn(request, response, a.getId()));
                }
                return context.notifyContainerAboutLogin(
                        accepted.email(),
                        accepted.roles().stream().map(Role::name).collect(Collectors.toSet()));
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (context.isProtected() && context.getCallerPrincipal() == null) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String next =
                    path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            String page = path.startsWith("/admin/") ? "/staff-login.xhtml" : "/sign-in.xhtml";
            return context.redirect(
                    request.getContextPath()
                            + page
                            + "?next="
                            + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    /** The cookie by which a browser that signed in before keeps its own sign-in failure budget. */
    static final String DEVICE_COOKIE = "device";

    private static String deviceToken(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (DEVICE_COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static void rememberDevice(HttpServletResponse response, String token) {
        Cookie cookie = new Cookie(DEVICE_COOKIE, token);
        cookie.setPath("/");
        cookie.setMaxAge((int) java.time.Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** A place to go after signing in: only a path of this shop, never another site. */
    public static String safeNext(String next, String fallback) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return fallback;
        }
        return next;
    }
}
