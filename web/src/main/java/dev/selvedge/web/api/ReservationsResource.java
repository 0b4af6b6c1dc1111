package dev.selvedge.web.api;

import dev.selvedge.inventory.Reservation;
import dev.selvedge.inventory.ReservationRequest;
import dev.selvedge.inventory.ReservationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Stock held for a checkout while the shopper pays: {@code POST} holds all lines or answers 409
 * {@code sold-out} naming the SKU and holds nothing; the token in the answer reads ({@code GET})
 * and releases ({@code DELETE}) it. Held units expire on their own. Turning a hold into a sale is
 * the payment's business (checkout), not a call of this API.
 */
@Path("/reservations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReservationsResource {

    @Inject private ReservationService reservations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Hold stock for a checkout: {reference, lines:[{sku, quantity}], holdMinutes?}")
    public Response hold(ReservationRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        if (request == null) {
            throw new BadRequestException("Send {reference, lines:[{sku, quantity}]} as JSON");
        }
        Reservation held = reservations.hold(request);
        return Response.created(
                        uri.getBaseUriBuilder().path("reservations").path(held.token()).build())
                .entity(held)
                .build();
    }

    @GET
    @Path("/{token}")
    @Operation(summary = "A reservation: status, expiry and where each line is held")
    public Reservation read(@PathParam("token") String token) {
        return reservations
                .byToken(token)
                .orElseThrow(() -> new NotFoundException("No reservation " + token));
    }

    @DELETE
    @Path("/{token}")
    @Operation(summary = "Give the held units back (checkout cancelled)")
    public Reservation release(@PathParam("token") String token) {
        return reservations.release(token);
    }
}
