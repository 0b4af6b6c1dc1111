package dev.selvedge.web.api;

import dev.selvedge.fulfilment.CarrierWebhooks;
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
 * {@code POST /api/v1/carriers/{carrier}/tracking}: where Shiprocket and Delhivery push tracking
 * updates, authenticated by the token (or signature) configured with them. 200 once applied (a
 * repeat too); 400 problem details for a wrong token or for what is not a tracking update, 422 for
 * an AWB that is not the shop's: each kept for staff, none changing anything.
 */
@ApplicationScoped
@Path("/carriers/{carrier}/tracking")
public class CarrierWebhooksResource {

    @EJB private CarrierWebhooks webhooks;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(summary = "A carrier's tracking update of a parcel")
    public Response receive(
            @PathParam("carrier") String carrier,
            @Context HttpHeaders headers,
            @Context jakarta.servlet.http.HttpServletRequest request,
            String body) {
        Map<String, String> lower = new HashMap<>();
        headers.getRequestHeaders()
                .forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        CarrierWebhooks.Received received =
                webhooks.receive(carrier, lower, body == null ? "" : body, request.getRemoteAddr());
        return Response.ok(
                        "{\"applied\":"
                                + received.applied()
                                + ",\"repeats\":"
                                + received.repeats()
                                + "}",
                        MediaType.APPLICATION_JSON)
                .build();
    }
}
