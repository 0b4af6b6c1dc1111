package dev.selvedge.web.shop;

import dev.selvedge.account.AccountService;
import dev.selvedge.account.PasswordPolicy;
import dev.selvedge.shared.Rejected;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Registration: name, email and a password; then "check your inbox". */
@Named
@RequestScoped
public class RegisterPage {

    @EJB private AccountService accounts;

    private String fullName;
    private String email;
    private String password;
    private boolean done;

    public void register() {
        if (fullName == null || fullName.isBlank()) {
            AccountForms.fieldError("register:name", "Enter your name.");
        }
        if (!AccountService.isEmail(email)) {
            AccountForms.fieldError(
                    "register:email", "Enter a valid email address, like name@example.com.");
        }
        PasswordPolicy.problem(password, email, fullName)
                .ifPresent(problem -> AccountForms.fieldError("register:password", problem));
        if (AccountForms.failed()) {
            return;
        }
        try {
            accounts.register(email, fullName, password);
            done = true;
        } catch (Rejected e) {
            AccountForms.formError(e.getMessage());
        }
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
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

    public boolean isDone() {
        return done;
    }
}
