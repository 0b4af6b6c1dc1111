package dev.selvedge.web.api;

import dev.selvedge.inventory.Reservation;
import dev.selvedge.inventory.ReservationRequest;
import dev.selvedge.inventory.ReservationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Stock a store's POS middleware holds for a customer (for example one reserving by phone), with
 * the till's key: {@code POST} holds all lines or answers 409 {@code sold-out} naming the SKU and
 * holds nothing; the token in the answer reads ({@code GET}) and releases ({@code DELETE}) it.
 * Holds belong to the till that made them, which has a limited number open at once; they expire on
 * their own. The shop's checkout holds its own stock, not through this API.
 */
@Path("/reservations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReservationsResource {

    @Inject private ReservationService reservations;
    @Inject private TillKeys tills;
    @Context private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Hold stock for a till's customer: {reference, lines:[{sku, quantity}], holdMinutes?}")
    public Response hold(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            ReservationRequest request) {
        var till = tills.require(authorization, uri.getRequestUri().getPath());
        if (request == null) {
            throw new BadRequestException("Send {reference, lines:[{sku, quantity}]} as JSON");
        }
        Reservation held = reservations.holdForTill(till, request);
        return Response.created(
                        uri.getBaseUriBuilder().path("reservations").path(held.token()).build())
                .entity(held)
                .build();
    }

    @GET
    @Path("/{token}")
    @Operation(summary = "A hold of this till: status, expiry and where each line is held")
    public Reservation read(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("token") String token) {
        var till = tills.require(authorization, uri.getRequestUri().getPath());
        return reservations
                .tillHold(till, token)
                .orElseThrow(() -> new NotFoundException("This till has no such reservation"));
    }

    @DELETE
    @Path("/{token}")
    @Operation(summary = "Give the held units back")
    public Reservation release(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("token") String token) {
        return reservations.releaseForTill(
                tills.require(authorization, uri.getRequestUri().getPath()), token);
    }
}
