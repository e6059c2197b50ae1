package dev.entitystore.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;

/** The space (Entity Store namespace) a request addresses, as resolved by {@link SpacePrefixFilter}. */
public final class RequestSpace {
    static final String PROPERTY = "entitystore.space";
    public static final String DEFAULT = "default";

    private RequestSpace() {}

    public static String of(ContainerRequestContext request) {
        Object space = request.getProperty(PROPERTY);
        return space == null ? DEFAULT : space.toString();
    }
}
