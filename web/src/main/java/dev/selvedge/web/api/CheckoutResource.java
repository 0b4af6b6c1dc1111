package dev.selvedge.web.api;

import dev.selvedge.ordering.CheckoutAnswer;
import dev.selvedge.ordering.CheckoutRequest;
import dev.selvedge.ordering.CheckoutService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code POST /api/v1/checkout}: places an order for the mobile app (and the tests), once per
 * {@code Idempotency-Key}. Prices and totals in the request are ignored; the server's are used.
 */
@ApplicationScoped
@Path("/checkout")
public class CheckoutResource {

    /** The answer of a placed (or repeated) checkout. */
    public record Placed(
            String orderNumber,
            String status,
            BigDecimal total,
            String currency,
            String paymentUrl) {}

    @EJB private CheckoutService checkout;

    @Context private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(
            summary = "Place an order",
            description =
                    "201 with the order; 202 with a paymentUrl where the shopper pays (card gateways);"
                            + " the same Idempotency-Key again gives the same order (200) and"
                            + " charges nothing more. 400 names each wrong field, 409 the sold-out SKU,"
                            + " 402 when the payment does not go through.")
    public Response place(
            @Parameter(description = "New for each checkout attempt, e.g. a UUID", required = true)
                    @HeaderParam("Idempotency-Key")
                    String key,
            CheckoutRequest request,
            @Context SecurityContext security) {
        String signedIn =
                security.isUserInRole("CUSTOMER") ? security.getUserPrincipal().getName() : null;
        CheckoutAnswer answer = checkout.checkout(key, request, signedIn);
        if (answer.status() == 402) {
            return Response.status(402)
                    .type(Problem.MEDIA_TYPE)
                    .entity(
                            new Problem.PaymentDeclined(
                                    Problem.TYPES + "payment-declined",
                                    "Payment not completed",
                                    402,
                                    answer.paymentMessage(),
                                    uri.getRequestUri().getPath(),
                                    answer.orderNumber()))
                    .build();
        }
        return Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(
                        new Placed(
                                answer.orderNumber(),
                                answer.orderStatus(),
                                BigDecimal.valueOf(answer.totalMinor(), 2),
                                answer.currency(),
                                answer.paymentUrl()))
                .build();
    }
}
