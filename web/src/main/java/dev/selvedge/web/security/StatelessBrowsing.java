package dev.selvedge.web.security;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import org.primefaces.context.PrimeFacesContext;

/**
 * Keeps browsing pages sessionless under PrimeFaces' CSP: PrimeFaces keeps each page's nonce in the
 * view map for the form posted back, unless the view is transient when it looks, and that view map
 * starts a session. Its check runs before the page is built, so before our template has said
 * whether the page is stateful ({@code f:view transient}). So: a page asked for by GET counts as
 * transient until it is built ({@link #afterPhase}), and once built, a page that keeps state gets
 * its nonce in the view map after all ({@link #processEvent}), for its postback to be checked.
 * Every template therefore says {@code f:view transient} explicitly (the shop's per page, the back
 * office's always false).
 */
public class StatelessBrowsing implements PhaseListener, SystemEventListener {

    private static final String NONCE = "primefaces.nonce";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void beforePhase(PhaseEvent event) {}

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (!context.isPostback() && context.getViewRoot() != null) {
            context.getViewRoot().setTransient(true);
        }
    }

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) throws AbortProcessingException {
        FacesContext context = FacesContext.getCurrentInstance();
        UIViewRoot view = (UIViewRoot) event.getSource();
        if (!context.isPostback() && !view.isTransient()) {
            view.getViewMap(true).put(NONCE, PrimeFacesContext.getCspState(context).getNonce());
        }
    }
}
