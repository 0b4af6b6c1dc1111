package dev.selvedge.web.security;

import dev.selvedge.account.SignIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sign-in forms of the shop and of the back office. */
@Named
@RequestScoped
public class SignInPage {

    @Inject private SecurityContext security;

    private String email;
    private String password;
    private String next;

    /** The fallback of the staff sign-in: each member's first page by their roles. */
    static final String STAFF = "staff";

    private static String staffHome(HttpServletRequest request) {
        if (request.isUserInRole("ADMIN")) {
            return "/admin/stock.xhtml";
        }
        if (request.isUserInRole("CUSTOMER_SERVICE")) {
            return "/admin/orders.xhtml";
        }
        return "/admin/fulfilment.xhtml";
    }

    /**
     * Signs in, then goes to {@code next} (a path of this shop) or else to {@code fallback}
     * ("staff": the member's first page by role).
     */
    public void signIn(String fallback) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status =
                security.authenticate(
                        request,
                        (HttpServletResponse) external.getResponse(),
                        AuthenticationParameters.withParams()
                                .newAuthentication(true)
                                .credential(new UsernamePasswordCredential(email, password)));
        if (status == AuthenticationStatus.SUCCESS) {
            String home = STAFF.equals(fallback) ? staffHome(request) : fallback;
            external.redirect(
                    external.getRequestContextPath() + SignInMechanism.safeNext(next, home));
            faces.responseComplete();
            return;
        }
        // The mechanism may have set 401; the page explains instead.
        ((HttpServletResponse) external.getResponse()).setStatus(200);
        Object outcome = request.getAttribute(SignInMechanism.OUTCOME);
        String message =
                outcome instanceof SignIn.Throttled throttled
                        ? "Too many attempts. For your safety, wait "
                                + Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60)
                                + " minute(s) and try again, or reset your password."
                        : outcome instanceof SignIn.Unverified
                                ? "Please confirm your email address first: we have sent you a new link."
                                : "That email and password do not match. Try again, or reset your password.";
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        password = null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
