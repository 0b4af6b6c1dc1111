package dev.selvedge.web.api;

import dev.selvedge.ordering.PaymentWebhooks;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/payments/{gateway}/webhook}: where Stripe, Razorpay and PayPal post their
 * notifications. The body is read as sent (signatures are over the exact bytes). 200 once taken (a
 * repeat too); 400 problem details when the signature does not check out (kept for staff).
 */
@ApplicationScoped
@Path("/payments/{gateway}/webhook")
public class PaymentWebhooksResource {

    @EJB private PaymentWebhooks webhooks;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(summary = "A payment provider's signed notification")
    public Response receive(
            @PathParam("gateway") String gateway,
            @Context HttpHeaders headers,
            @Context jakarta.servlet.http.HttpServletRequest request,
            String body) {
        Map<String, String> lower = new HashMap<>();
        headers.getRequestHeaders()
                .forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        webhooks.receive(gateway, lower, body == null ? "" : body, request.getRemoteAddr());
        return Response.ok("{\"received\":true}", MediaType.APPLICATION_JSON).build();
    }
}
