package dev.entitystore.server.json;

import jakarta.ws.rs.ext.ContextResolver;
import org.glassfish.jersey.server.validation.ValidationConfig;

/** Hands Jersey's Bean Validation the {@link RecordTraversableResolver}. */
public final class ValidationConfigProvider implements ContextResolver<ValidationConfig> {
    private final ValidationConfig config = new ValidationConfig().traversableResolver(new RecordTraversableResolver());

    @Override
    public ValidationConfig getContext(Class<?> type) {
        return config;
    }
}
