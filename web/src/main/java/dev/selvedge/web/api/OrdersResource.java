package dev.selvedge.web.api;

import dev.selvedge.fulfilment.OrderCancellation;
import dev.selvedge.fulfilment.ShopperOrders;
import dev.selvedge.ordering.OrderActor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * An order for the shopper's mobile app: where it stands, its parcels with tracking, its timeline;
 * and cancelling it before it ships. Each call carries the order's token (the one in the links of
 * its emails) in the header {@code X-Order-Token}, never in the address (which logs keep); without
 * the right token the answer is 404, the same as for an order that does not exist, so that order
 * numbers cannot be tried. Answers are never cached.
 */
@Path("/orders")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    /** What a cancellation asks: an optional reason (at most 300 characters). */
    public record CancelRequest(String reason) {}

    @EJB private ShopperOrders orders;
    @EJB private OrderCancellation cancellation;
    @Context private HttpServletResponse response;

    @GET
    @Path("/{orderNumber}")
    @Operation(
            summary =
                    "An order with its status, lines, parcels (carrier, AWB, tracking link and steps) and"
                            + " timeline; needs the order's token")
    public ShopperOrders.OrderView read(
            @PathParam("orderNumber") String number,
            @Parameter(description = "The token of the order's email links")
                    @HeaderParam("X-Order-Token")
                    String token) {
        return opened(number, token);
    }

    @POST
    @Path("/{orderNumber}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Cancel the order before it ships: stock back, the card refunded in the background;"
                            + " 409 with the reason once it has shipped")
    public ShopperOrders.OrderView cancel(
            @PathParam("orderNumber") String number,
            @HeaderParam("X-Order-Token") String token,
            CancelRequest request) {
        ShopperOrders.OrderView order = opened(number, token);
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > 300) {
            throw new BadRequestException("reason: at most 300 characters");
        }
        cancellation.cancel(order.orderNumber(), OrderActor.shopper(order.email(), reason));
        return opened(number, token);
    }

    private ShopperOrders.OrderView opened(String number, String token) {
        response.setHeader("Cache-Control", "private, no-store");
        return orders.byLink(number, token)
                .orElseThrow(
                        () ->
                                new NotFoundException(
                                        "No order opens with this number and token; use the token of"
                                                + " the order's email links (X-Order-Token)"));
    }
}
