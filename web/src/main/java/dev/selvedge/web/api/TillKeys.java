package dev.selvedge.web.api;

import dev.selvedge.inventory.PosTerminal;
import dev.selvedge.inventory.PosTerminals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The till behind an {@code Authorization: Bearer <terminal key>} header, or a 401 answer. */
@ApplicationScoped
public class TillKeys {

    @Inject private PosTerminals terminals;

    public PosTerminal require(String authorization, String path) {
        String key =
                authorization != null && authorization.startsWith("Bearer ")
                        ? authorization.substring(7).strip()
                        : null;
        return terminals
                .authenticate(key)
                .orElseThrow(
                        () ->
                                new WebApplicationException(
                                        Response.fromResponse(
                                                        Problem.response(
                                                                401,
                                                                "unauthorized",
                                                                "Unauthorized",
                                                                "Send the terminal's API key as 'Authorization: Bearer <key>'",
                                                                path))
                                                .header(
                                                        HttpHeaders.WWW_AUTHENTICATE,
                                                        "Bearer realm=\"selvedge-pos\"")
                                                .build()));
    }
}
