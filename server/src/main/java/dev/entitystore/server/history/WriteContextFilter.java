package dev.entitystore.server.history;

import dev.entitystore.domain.history.WriteContext;
import dev.entitystore.server.auth.Principal;
import dev.entitystore.server.observe.RouteTemplates;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Binds the request's actor and route to the thread that serves it, so that every store write made for
 * the request records them in its change ({@link WriteContext}); unbinds when the answer goes out. Runs
 * after authentication and route matching, on the thread that then runs the resource method.
 */
@Priority(Priorities.AUTHORIZATION + 200)
public final class WriteContextFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String SCOPE = "entitystore.writeContext";

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = Principal.of(request);
        String route = request.getMethod() + " " + RouteTemplates.of(request).orElse(request.getUriInfo().getPath());
        WriteContext context = principal == null
                ? new WriteContext("anonymous", null, route)
                : new WriteContext(principal.credential().kind().json(), principal.credential().id(), route);
        request.setProperty(SCOPE, WriteContext.bind(context));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SCOPE) instanceof WriteContext.Scope scope) {
            request.removeProperty(SCOPE);
            scope.close();
        }
    }
}
