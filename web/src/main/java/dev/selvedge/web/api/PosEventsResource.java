package dev.selvedge.web.api;

import dev.selvedge.inventory.FeedHeartbeats;
import dev.selvedge.inventory.PosDeadLetters;
import dev.selvedge.inventory.PosEventBatches;
import dev.selvedge.inventory.PosEventGroups;
import dev.selvedge.inventory.PosEventRejected;
import dev.selvedge.inventory.PosEventService;
import dev.selvedge.inventory.PosTerminal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The HTTP door for store tills: {@code POST /api/v1/pos/events} with {@code Authorization: Bearer
 * <terminal key>}. Answers 200 with the applied lines (or, for an event id seen before, the first
 * answer with status DUPLICATE), 401 without a valid key, 400 for malformed JSON and 422 for an
 * event that cannot be applied as sent (nothing of it is applied then), 503 with Retry-After when
 * the door is over its guard. Events sent one per request are applied in groups ({@link
 * PosEventGroups}). A store bridge sends its events in batches to {@code POST
 * /api/v1/pos/event-batches}: one request and one transaction for up to 100 events, each answered
 * on its own.
 */
@Path("/pos")
@ApplicationScoped
public class PosEventsResource {

    @Inject private TillKeys tills;

    @Inject private PosEventGroups groups;

    @Inject private PosEventService events;

    @Inject private FeedHeartbeats heartbeats;

    @Inject private PosEventBatches batches;

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
            PosEventService.Outcome outcome = groups.apply(terminal, PosDeadLetters.parse(body));
            if (outcome.rejected() != null) {
                throw outcome.rejected();
            }
            heartbeats.heard(terminal);
            return Response.ok(outcome.answer(), MediaType.APPLICATION_JSON).build();
        } catch (PosEventGroups.Busy e) {
            return busy(e);
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
    @Path("/event-batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Apply a store's events in order ({\"events\":[...]}, 1 to 100 events, 64 KB in all), each"
                            + " exactly once, in one transaction: 200 with one result per event (APPLIED, DUPLICATE,"
                            + " REJECTED with its problem, or NOT_APPLIED: send it and those after it again)")
    public Response receiveBatch(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        PosTerminal terminal = terminal(authorization);
        List<PosEventService.Outcome> outcomes;
        try {
            outcomes = batches.apply(terminal, body);
        } catch (PosEventGroups.Busy e) {
            return busy(e);
        } catch (PosEventRejected e) {
            deadLetters.keep(terminal, body, e.getMessage());
            return Problem.response(
                    400, "malformed-batch", "Malformed batch", e.getMessage(), path());
        }
        heartbeats.heard(terminal);
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (PosEventService.Outcome outcome : outcomes) {
            results.add(result(outcome));
        }
        return Response.ok(
                        Json.createObjectBuilder().add("results", results).build(),
                        MediaType.APPLICATION_JSON)
                .build();
    }

    /** 503: the till or bridge sends the same again after a second (nothing of it was lost). */
    private Response busy(PosEventGroups.Busy e) {
        return Response.fromResponse(Problem.response(503, "busy", "Busy", e.getMessage(), path()))
                .header(HttpHeaders.RETRY_AFTER, "1")
                .build();
    }

    /** An event's answer, or its problem details (RFC 9457) under {@code problem}. */
    private JsonObject result(PosEventService.Outcome outcome) {
        if (outcome.answer() != null) {
            return outcome.answer();
        }
        JsonObjectBuilder result = Json.createObjectBuilder();
        if (outcome.eventId() != null) {
            result.add("eventId", outcome.eventId());
        } else {
            result.addNull("eventId");
        }
        PosEventRejected rejected = outcome.rejected();
        int status = rejected == null ? 503 : rejected.status();
        return result.add("status", rejected == null ? "NOT_APPLIED" : "REJECTED")
                .add(
                        "problem",
                        Json.createObjectBuilder()
                                .add(
                                        "type",
                                        Problem.TYPES
                                                + (rejected == null
                                                        ? "event-not-applied"
                                                        : status == 400
                                                                ? "malformed-event"
                                                                : "unprocessable-event"))
                                .add(
                                        "title",
                                        rejected == null
                                                ? "Event not applied"
                                                : status == 400
                                                        ? "Malformed event"
                                                        : "Event cannot be applied")
                                .add("status", status)
                                .add(
                                        "detail",
                                        rejected == null
                                                ? "The shop could not apply this event or one before it; send it and those after it again"
                                                : Problem.shorten(rejected.getMessage())))
                .build();
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
