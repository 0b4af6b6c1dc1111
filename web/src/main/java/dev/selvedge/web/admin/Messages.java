package dev.selvedge.web.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** What the back office tells staff after an action, shown by the page's growl. */
final class Messages {

    private Messages() {}

    static void info(String summary, String detail) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
    }

    static void error(String summary, String detail) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
    }
}
