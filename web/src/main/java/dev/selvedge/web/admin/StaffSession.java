package dev.selvedge.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** The signed-in staff member: name in the header, sign-out. */
@Named
@RequestScoped
public class StaffSession {

    public String getName() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public String signOut() throws ServletException {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) context.getRequest()).logout();
        context.invalidateSession();
        return "/index.xhtml?faces-redirect=true";
    }
}
