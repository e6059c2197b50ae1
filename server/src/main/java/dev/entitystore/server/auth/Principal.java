package dev.entitystore.server.auth;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Who a request was authenticated as, and what it may do; kept on the request for the authorization
 * filter and the routes that decide for themselves (the user-profile routes, whose privileges depend on
 * the body).
 */
public record Principal(String description, SpaceGrants grants, StoredCredential credential) {
    private static final String PROPERTY = "entitystore.principal";

    static Principal of(StoredCredential credential) {
        return new Principal(credential.describe(), credential.grants(), credential);
    }

    void attachTo(ContainerRequestContext request) {
        request.setProperty(PROPERTY, this);
    }

    /** The principal of an authenticated request, or null when the server runs without credentials. */
    public static Principal of(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof Principal principal ? principal : null;
    }
}
