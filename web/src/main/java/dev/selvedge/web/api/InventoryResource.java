package dev.selvedge.web.api;

import dev.selvedge.inventory.InventoryService;
import dev.selvedge.inventory.InventoryService.SkuStock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The stock truth of a SKU, live (never cached). */
@Path("/inventory")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    @Inject private InventoryService inventory;

    @Inject private LiveStock live;

    @Inject private TillKeys tills;

    @Context private UriInfo uri;

    /**
     * What a SKU can sell online now; with a till's key or a staff session also what each location
     * holds, holds back and when its feed was last heard (not for strangers).
     */
    @GET
    @Path("/{sku}")
    @Operation(
            summary =
                    "What a SKU can sell online now; with a till key or a staff session, what each location holds")
    public Object stock(
            @PathParam("sku") String sku,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context SecurityContext security) {
        SkuStock stock =
                inventory
                        .stockOf(sku)
                        .orElseThrow(() -> new NotFoundException("There is no such SKU"));
        boolean staff = security.isUserInRole("ADMIN");
        if (!staff && authorization == null) {
            return new PublicStockJson(stock.sku(), stock.available(), stock.asOf());
        }
        if (!staff) {
            tills.require(authorization, uri.getRequestUri().getPath());
        }
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
                                                l.lastHeardAt(),
                                                l.silentSince()))
                        .toList());
    }

    @GET
    @Path("/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary =
                    "Server-sent events 'stock' {sku, available} for the SKUs asked for (up to 50):"
                            + " their figures now, then every change")
    public void live(
            @QueryParam("sku") List<String> skus, @Context SseEventSink sink, @Context Sse sse) {
        if (skus.isEmpty() || skus.size() > 50) {
            throw new BadRequestException("Ask for 1 to 50 SKUs: ?sku=A&sku=B");
        }
        live.watch(skus, inventory::availableOnline, sink, sse);
    }

    /** What anyone may know: how many can be bought online now. */
    public record PublicStockJson(String sku, int available, Instant asOf) {}

    public record StockJson(
            String sku, int available, Instant asOf, List<LocationJson> locations) {}

    /**
     * lastHeardAt is null until the store's POS feed has been heard; silentSince is set while the
     * feed has been silent past the limit (its stock then does not count online, or counts with
     * more kept back).
     */
    public record LocationJson(
            String code,
            int onHand,
            int reserved,
            @JsonbNillable Instant lastHeardAt,
            @JsonbNillable Instant silentSince) {}
}
