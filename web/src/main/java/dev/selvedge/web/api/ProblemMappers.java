package dev.selvedge.web.api;

import dev.selvedge.fulfilment.FulfilmentRefused;
import dev.selvedge.inventory.SoldOut;
import dev.selvedge.shared.LimitReached;
import dev.selvedge.shared.Rejected;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The one family of exception mappers: every error of the API leaves as problem details. */
public final class ProblemMappers {

    private ProblemMappers() {}

    @Provider
    public static class BadRequest implements ExceptionMapper<BadRequestException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(BadRequestException e) {
            return Problem.response(
                    400,
                    "bad-request",
                    "Bad request",
                    e.getMessage(),
                    uri.getRequestUri().getPath());
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(NotFoundException e) {
            String detail =
                    e.getMessage() == null || e.getMessage().startsWith("HTTP 404")
                            ? "Nothing is found at " + uri.getRequestUri().getPath()
                            : e.getMessage();
            return Problem.response(
                    404, "not-found", "Not found", detail, uri.getRequestUri().getPath());
        }
    }

    /** Something asked of an order or a parcel that cannot be done now, with why. */
    @Provider
    public static class NotNow implements ExceptionMapper<FulfilmentRefused> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(FulfilmentRefused e) {
            return Problem.response(
                    409,
                    "not-now",
                    "Not possible now",
                    e.getMessage(),
                    uri.getRequestUri().getPath());
        }
    }

    /** A request the services would not take as sent. */
    @Provider
    public static class RejectedRequest implements ExceptionMapper<Rejected> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(Rejected e) {
            String path = uri.getRequestUri().getPath();
            if (e instanceof SoldOut soldOut) {
                return Response.status(409)
                        .type(Problem.MEDIA_TYPE)
                        .entity(
                                new Problem.SoldOut(
                                        Problem.TYPES + "sold-out",
                                        "Sold out",
                                        409,
                                        e.getMessage(),
                                        path,
                                        soldOut.sku(),
                                        soldOut.requested(),
                                        soldOut.available()))
                        .build();
            }
            if (e instanceof dev.selvedge.shared.InvalidFields invalid) {
                return Response.status(400)
                        .type(Problem.MEDIA_TYPE)
                        .entity(
                                new Problem.InvalidFields(
                                        Problem.TYPES + "invalid-fields",
                                        "Some fields need correcting",
                                        400,
                                        e.getMessage(),
                                        path,
                                        invalid.fields()))
                        .build();
            }
            return switch (e.status()) {
                case 400 ->
                        Problem.response(400, "bad-request", "Bad request", e.getMessage(), path);
                case 404 -> Problem.response(404, "not-found", "Not found", e.getMessage(), path);
                case 409 -> Problem.response(409, "conflict", "Conflict", e.getMessage(), path);
                default ->
                        Problem.response(
                                e.status(),
                                "unprocessable",
                                "Cannot be processed",
                                e.getMessage(),
                                path);
            };
        }
    }

    /**
     * A body that is not JSON, or not JSON of the expected shape (a string for an object, a
     * fraction for a quantity, an array for an object): 400 with the parser's reason, shortened,
     * and no stack trace in the log.
     */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<ProcessingException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(ProcessingException e) {
            Throwable json = jsonCause(e);
            if (json == null) {
                return new Unexpected().answer(e, uri);
            }
            return unreadable(json, uri);
        }
    }

    /** The same for a binding error that reaches us unwrapped. */
    @Provider
    public static class UnreadableJson implements ExceptionMapper<JsonbException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(JsonbException e) {
            return unreadable(e, uri);
        }
    }

    static Response unreadable(Throwable json, UriInfo uri) {
        return Problem.response(
                400,
                "malformed-json",
                "Malformed JSON",
                "The body is not JSON of the expected shape: "
                        + Problem.shorten(withoutJavaNames(innermost(json))),
                uri.getRequestUri().getPath());
    }

    /** The parser's words for the client: {@code interface java.util.List} says {@code List}. */
    static String withoutJavaNames(String message) {
        return message.replaceAll("(?:class |interface )?(?:[a-z_][\\w]*\\.)+([A-Z][\\w$]*)", "$1");
    }

    private static Throwable jsonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return t;
            }
        }
        return null;
    }

    private static String innermost(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? "unreadable" : message;
    }

    /** A caller over its limit: 429 with the seconds to wait in {@code Retry-After}. */
    @Provider
    public static class TooMany implements ExceptionMapper<LimitReached> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(LimitReached e) {
            return Response.fromResponse(
                            Problem.response(
                                    429,
                                    "too-many-requests",
                                    "Too many requests",
                                    e.getMessage(),
                                    uri.getRequestUri().getPath()))
                    .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
                    .build();
        }
    }

    /** Other JAX-RS errors (405, 406, 415...) keep their status and gain a body. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getResponse().hasEntity()) {
                return e.getResponse(); // Already problem details, made where it was thrown.
            }
            Response.StatusType status = e.getResponse().getStatusInfo();
            Response.ResponseBuilder answer =
                    Response.fromResponse(
                            Problem.response(
                                    status.getStatusCode(),
                                    "http-" + status.getStatusCode(),
                                    status.getReasonPhrase(),
                                    Problem.shorten(e.getMessage()),
                                    uri.getRequestUri().getPath()));
            // Keep what the error said in its headers (Allow on a 405, WWW-Authenticate...).
            e.getResponse()
                    .getHeaders()
                    .forEach(
                            (name, values) -> {
                                if (!name.equalsIgnoreCase("Content-Type")) {
                                    values.forEach(v -> answer.header(name, v));
                                }
                            });
            return answer.build();
        }
    }

    /** A bug: logged with an id the client can quote; no stack trace leaves the server. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());
        @Context UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            return answer(e, uri);
        }

        Response answer(Throwable e, UriInfo uri) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Incident " + incident + " on " + uri.getPath(), e);
            return Problem.response(
                    500,
                    "internal",
                    "Internal error",
                    "The server failed to answer; quote incident " + incident + " to support.",
                    uri.getRequestUri().getPath());
        }
    }
}
