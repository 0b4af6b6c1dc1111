package dev.selvedge.web.admin;

import dev.selvedge.inventory.InventoryService;
import dev.selvedge.inventory.Location;
import dev.selvedge.inventory.LocationKind;
import dev.selvedge.inventory.PosDeadLetter;
import dev.selvedge.inventory.PosDeadLetters;
import dev.selvedge.inventory.PosTerminals;
import dev.selvedge.shared.Rejected;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.List;

/**
 * The POS feeds page: messages from the stores that could not be applied (read, fix the cause,
 * replay), and the tills' API keys (issue, revoke).
 */
@Named
@ViewScoped
public class PosAdmin implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject private transient PosDeadLetters deadLetters;
    @Inject private transient PosTerminals terminals;
    @Inject private transient InventoryService inventory;

    private boolean showReplayed;
    private String newStore;
    private String newTerminal;
    private String issuedKey;
    private String issuedFor;

    public List<PosDeadLetter> getDeadLetters() {
        return deadLetters.list(!showReplayed, 200);
    }

    public void replay(PosDeadLetter letter) {
        try {
            JsonObject answer = deadLetters.replay(letter.id(), staff());
            Messages.info(
                    "Replayed",
                    "Event "
                            + letter.eventId()
                            + " "
                            + answer.getString("status").toLowerCase(java.util.Locale.ROOT)
                            + ".");
        } catch (Rejected e) {
            Messages.error("Still refused", e.getMessage());
        }
    }

    public List<PosTerminals.Listed> getTerminals() {
        return terminals.list();
    }

    public List<String> getStores() {
        return inventory.locations().stream()
                .filter(l -> l.getKind() == LocationKind.STORE)
                .map(Location::getCode)
                .toList();
    }

    public void issue() {
        try {
            issuedKey = terminals.issue(newStore, newTerminal == null ? null : newTerminal.strip());
            issuedFor = newStore + " / " + newTerminal.strip();
            newTerminal = null;
        } catch (Rejected e) {
            issuedKey = null;
            Messages.error("No key issued", e.getMessage());
        }
    }

    public void revoke(PosTerminals.Listed terminal) {
        terminals.revoke(terminal.id());
        Messages.info(
                "Key revoked",
                terminal.storeCode()
                        + " / "
                        + terminal.terminalId()
                        + " can no longer send events.");
    }

    private static String staff() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public boolean isShowReplayed() {
        return showReplayed;
    }

    public void setShowReplayed(boolean showReplayed) {
        this.showReplayed = showReplayed;
    }

    public String getNewStore() {
        return newStore;
    }

    public void setNewStore(String newStore) {
        this.newStore = newStore;
    }

    public String getNewTerminal() {
        return newTerminal;
    }

    public void setNewTerminal(String newTerminal) {
        this.newTerminal = newTerminal;
    }

    public String getIssuedKey() {
        return issuedKey;
    }

    public String getIssuedFor() {
        return issuedFor;
    }
}
