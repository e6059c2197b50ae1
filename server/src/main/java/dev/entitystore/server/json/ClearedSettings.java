package dev.entitystore.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.api.model.UpdateEntityStoreRequest;
import dev.entitystore.api.model.UpdateEntityTypeRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The settings a config update clears: Kibana's newest update bodies say "sending {@code null} clears it and
 * falls back to the layer below", which the generated models cannot tell from an absent field. For those
 * bodies only, this reads the bytes once, notes the {@code logExtraction} (and {@code history}) keys sent as {@code null}, and
 * hands the same bytes on to the usual parsing (a malformed body fails there as usual).
 */
public final class ClearedSettings implements ReaderInterceptor {
    private static final String PROPERTY = "entitystore.clearedSettings";
    private static final String HISTORY_PROPERTY = "entitystore.clearedHistorySettings";

    private final ObjectMapper mapper;

    public ClearedSettings(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Class<?> type = context.getType();
        if (type != UpdateEntityStoreRequest.class && type != UpdateEntityTypeRequest.class) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        Set<String> cleared = new LinkedHashSet<>();
        Set<String> clearedHistory = new LinkedHashSet<>();
        try {
            JsonNode tree = mapper.readTree(body);
            nullKeys(tree.path("logExtraction"), cleared);
            nullKeys(tree.path("history"), clearedHistory);
        } catch (IOException malformed) {
            // Left to the usual parsing, which answers it.
        }
        context.setProperty(PROPERTY, cleared);
        context.setProperty(HISTORY_PROPERTY, clearedHistory);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** The {@code logExtraction} keys the request's body set to {@code null}. */
    public static Set<String> of(ContainerRequestContext request) {
        return noted(request, PROPERTY);
    }

    /** The {@code history} keys (history retention) the request's body set to {@code null}. */
    public static Set<String> ofHistory(ContainerRequestContext request) {
        return noted(request, HISTORY_PROPERTY);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> noted(ContainerRequestContext request, String property) {
        return request.getProperty(property) instanceof Set<?> cleared ? (Set<String>) cleared : Set.of();
    }

    private static void nullKeys(JsonNode object, Set<String> into) {
        object.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                into.add(field.getKey());
            }
        });
    }
}
