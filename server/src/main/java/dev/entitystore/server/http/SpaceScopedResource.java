package dev.entitystore.server.http;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Base of the resources whose routes work per space. Resources are singletons, so Jersey injects a
 * provider of the request being served, and {@link #space()} reads what {@link SpacePrefixFilter} resolved.
 */
public abstract class SpaceScopedResource {
    @Inject
    private Provider<ContainerRequest> request;

    protected final String space() {
        return RequestSpace.of(request.get());
    }

    /** The request being served. */
    protected final ContainerRequest request() {
        return request.get();
    }
}
