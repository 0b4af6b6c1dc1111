package dev.selvedge.web.shop;

import dev.selvedge.account.Account;
import dev.selvedge.account.AccountService;
import dev.selvedge.shared.Rejected;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** The signed-in shopper's account: profile, password, sign-out. */
@Named
@RequestScoped
public class AccountPage {

    @EJB private AccountService accounts;

    private Account account;
    private String fullName;
    private String phone;
    private String currentPassword;
    private String newPassword;

    @PostConstruct
    void load() {
        String email = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        account = email == null ? null : accounts.find(email).orElse(null);
        if (account != null) {
            fullName = account.getFullName();
            phone = account.getPhone();
        }
    }

    public void saveProfile() {
        try {
            accounts.updateProfile(account.getEmail(), fullName, phone);
            AccountForms.formInfo("Your details are saved.");
        } catch (Rejected e) {
            AccountForms.fieldError(
                    e.getMessage().contains("phone") ? "profile:phone" : "profile:name",
                    e.getMessage());
        }
    }

    public void changePassword() {
        try {
            accounts.changePassword(account.getEmail(), currentPassword, newPassword);
            AccountForms.formInfo("Your password is changed.");
        } catch (Rejected e) {
            AccountForms.fieldError(
                    e.getMessage().contains("current") ? "password:current" : "password:new",
                    e.getMessage());
        }
    }

    public String signOut() throws ServletException {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) context.getRequest()).logout();
        context.invalidateSession();
        return "/index.xhtml?faces-redirect=true";
    }

    public Account getAccount() {
        return account;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
