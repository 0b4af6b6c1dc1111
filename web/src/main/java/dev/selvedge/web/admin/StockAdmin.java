package dev.selvedge.web.admin;

import dev.selvedge.inventory.InventoryService;
import dev.selvedge.inventory.InventoryService.SkuStock;
import dev.selvedge.inventory.Location;
import dev.selvedge.inventory.StockLedger;
import dev.selvedge.shared.Rejected;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stock page: a SKU's figures per location and its ledger, the stores' POS feeds (which are
 * late), and the discrepancies tills raised, to be closed with what staff found.
 */
@Named
@ViewScoped
public class StockAdmin implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject private transient InventoryService inventory;
    @Inject private transient StockLedger ledger;

    private String sku;
    private SkuStock stock;
    private List<StockLedger.Movement> movements = List.of();
    private final Map<Long, String> resolutions = new HashMap<>();

    /** Loads the SKU asked for in the URL ({@code ?sku=}) or the lookup box. */
    public void lookup() {
        stock = null;
        movements = List.of();
        if (sku == null || sku.isBlank()) {
            return;
        }
        sku = sku.strip().toUpperCase(java.util.Locale.ROOT);
        stock = inventory.stockOf(sku).orElse(null);
        if (stock == null) {
            Messages.error("No SKU " + sku, "Check the code on the label, e.g. SV00012-NVY-M.");
            return;
        }
        movements = ledger.movementsOf(sku, 200);
    }

    public void resolve(StockLedger.Discrepancy discrepancy) {
        try {
            ledger.resolve(
                    discrepancy.id(),
                    resolutions.get(discrepancy.id()),
                    FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
            resolutions.remove(discrepancy.id());
            Messages.info(
                    "Discrepancy closed",
                    discrepancy.sku() + " at " + discrepancy.location() + " is resolved.");
        } catch (Rejected e) {
            Messages.error("Not closed", e.getMessage());
        }
    }

    public List<StockLedger.Discrepancy> getDiscrepancies() {
        return ledger.openDiscrepancies(100);
    }

    public List<Location> getLocations() {
        return inventory.locations();
    }

    /** "live", "silent" or "no live feed" for a location's POS feed. */
    public String feed(Location location) {
        if (location.getSilentSince() != null) {
            return "silent";
        }
        return location.getLastHeardAt() == null ? "no live feed" : "live";
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public SkuStock getStock() {
        return stock;
    }

    public List<StockLedger.Movement> getMovements() {
        return movements;
    }

    public Map<Long, String> getResolutions() {
        return resolutions;
    }
}
