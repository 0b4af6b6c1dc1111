package dev.selvedge.web.shop;

import dev.selvedge.account.AccountService;
import dev.selvedge.shared.Rejected;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Confirming an email, asking for a reset link and choosing a new password with it. */
@Named
@RequestScoped
public class PasswordPages {

    @EJB private AccountService accounts;

    private String token;
    private String email;
    private String password;
    private String verifiedEmail;
    private boolean done;

    /** The view action of the confirmation link. */
    public void verify() {
        verifiedEmail = accounts.verify(token).orElse(null);
    }

    public void requestReset() {
        if (!AccountService.isEmail(email)) {
            AccountForms.fieldError(
                    "forgot:email", "Enter a valid email address, like name@example.com.");
            return;
        }
        accounts.requestPasswordReset(email);
        done = true;
    }

    public void reset() {
        try {
            verifiedEmail = accounts.resetPassword(token, password);
            done = true;
        } catch (Rejected e) {
            AccountForms.fieldError(
                    e.getMessage().contains("link") ? null : "reset:password", e.getMessage());
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
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

    public String getVerifiedEmail() {
        return verifiedEmail;
    }

    public boolean isDone() {
        return done;
    }
}
