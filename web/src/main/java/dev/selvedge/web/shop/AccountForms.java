package dev.selvedge.web.shop;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Messages of the account pages: next to a field, or for the whole form. */
final class AccountForms {

    private AccountForms() {}

    static void fieldError(String clientId, String message) {
        FacesContext.getCurrentInstance()
                .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    static void formError(String message) {
        fieldError(null, message);
    }

    static void formInfo(String message) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    static boolean failed() {
        return FacesContext.getCurrentInstance().isValidationFailed()
                || FacesContext.getCurrentInstance().getMessageList().stream()
                        .anyMatch(m -> m.getSeverity() == FacesMessage.SEVERITY_ERROR);
    }
}
