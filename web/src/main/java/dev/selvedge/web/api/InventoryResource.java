package dev.selvedge.web.api;

import dev.selvedge.inventory.InventoryService;
import dev.selvedge.inventory.InventoryService.SkuStock;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The stock truth of a SKU, live (never cached). */
@Path("/inventory")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    @Inject private InventoryService inventory;

    @GET
    @Path("/{sku}")
    @Operation(summary = "What a SKU can sell online now, and what each location holds")
    public StockJson stock(@PathParam("sku") String sku) {
        SkuStock stock =
                inventory
                        .stockOf(sku)
                        .orElseThrow(() -> new NotFoundException("No SKU '" + sku + "'"));
        return new StockJson(
                stock.sku(),
                stock.available(),
                stock.asOf(),
                stock.locations().stream()
                        .map(
                                l ->
                                        new LocationJson(
                                                l.code(),
                                                l.onHand(),
                                                l.reserved(),
                                                l.lastHeardAt()))
                        .toList());
    }

    public record StockJson(
            String sku, int available, Instant asOf, List<LocationJson> locations) {}

    /** lastHeardAt is null until the store's POS feed has been heard. */
    public record LocationJson(
            String code, int onHand, int reserved, @JsonbNillable Instant lastHeardAt) {}
}
