package dev.selvedge.web.api;

import dev.selvedge.shared.StrictJsonb;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The API reads and writes JSON through {@link StrictJsonb}; what it refuses is answered 400 by
 * {@link ProblemMappers.UnreadableBody}.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = StrictJsonb.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
