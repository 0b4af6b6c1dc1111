package dev.selvedge.web.api;

import dev.selvedge.inventory.FeedHeartbeats;
import dev.selvedge.inventory.PosDeadLetters;
import dev.selvedge.inventory.PosEventRejected;
import dev.selvedge.inventory.PosEventService;
import dev.selvedge.inventory.PosTerminal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The HTTP door for store tills: {@code POST /api/v1/pos/events} with {@code Authorization: Bearer
 * <terminal key>}. Answers 200 with the applied lines (or, for an event id seen before, the first
 * answer with status DUPLICATE), 401 without a valid key, 400 for malformed JSON and 422 for an
 * event that cannot be applied as sent (nothing of it is applied then).
 */
@Path("/pos")
@ApplicationScoped
public class PosEventsResource {

    @Inject private TillKeys tills;

    @Inject private PosEventService events;

    @Inject private FeedHeartbeats heartbeats;

    @Inject private PosDeadLetters deadLetters;

    @Context private UriInfo uri;

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Apply a POS event (SALE, RETURN, RECEIPT, TRANSFER_OUT, TRANSFER_IN, ADJUSTMENT, STOCK_COUNT) exactly once")
    public Response receive(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        PosTerminal terminal = terminal(authorization);
        try {
            JsonObject answer = events.apply(terminal, PosDeadLetters.parse(body));
            heartbeats.heard(terminal);
            return Response.ok(answer, MediaType.APPLICATION_JSON).build();
        } catch (PosEventRejected e) {
            // Nothing is lost: staff see the refused event and can replay it once fixed.
            deadLetters.keep(terminal, body, e.getMessage());
            return Problem.response(
                    e.status(),
                    e.status() == 400 ? "malformed-event" : "unprocessable-event",
                    e.status() == 400 ? "Malformed event" : "Event cannot be applied",
                    e.getMessage(),
                    path());
        }
    }

    @POST
    @Path("/heartbeats")
    @Operation(
            summary =
                    "A till or store bridge saying it is alive (no body): keeps the store's feed fresh")
    public Response heartbeat(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        // Always recorded: a feed that only beats should never look silent.
        events.heartbeat(terminal(authorization));
        return Response.noContent().build();
    }

    private PosTerminal terminal(String authorization) {
        return tills.require(authorization, path());
    }

    private String path() {
        return uri.getRequestUri().getPath();
    }
}
