package dev.entitystore.server.auth;

import dev.entitystore.server.error.HttpErrorException;
import dev.entitystore.server.http.RequestSpace;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Kibana's route-privilege step: the caller must hold, in the request's space, every privilege the route
 * requires ({@link KibanaPrivileges}), else 403 with Kibana's text naming the missing ones. Runs after
 * the XSRF check and before the version and schema checks, as Kibana orders them, so a refused request
 * never reaches a handler and changes nothing.
 */
@Priority(Priorities.AUTHORIZATION + 150)
public final class AuthorizationFilter implements ContainerRequestFilter {
    private static final String DENIED = "entitystore.denied";
    @Context
    private ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        String operation = operation();
        if (KibanaPrivileges.isUnscoped(operation) || KibanaPrivileges.isDecidedByRoute(operation)) {
            return;
        }
        Principal principal = Principal.of(request);
        Set<String> held = principal == null ? Set.of()
                : KibanaPrivileges.isWholeStore(operation) ? principal.grants().privilegesIn(SpaceGrants.ALL_SPACES)
                : principal.grants().privilegesIn(RequestSpace.of(request));
        List<String> missing = KibanaPrivileges.requiredFor(operation).stream().filter(p -> !held.contains(p)).toList();
        if (!missing.isEmpty()) {
            request.setProperty(DENIED, Boolean.TRUE);
            throw new HttpErrorException(403, "API [" + request.getMethod().toUpperCase(Locale.ROOT) + " " + pathAndQuery(request)
                    + "] is unauthorized for user, this action is granted by the Kibana privileges ["
                    + String.join(",", missing) + "]");
        }
    }

    /** Whether this filter refused the request (a 403 of the route privileges, for the audit log). */
    public static boolean denied(ContainerRequestContext request) {
        return Boolean.TRUE.equals(request.getProperty(DENIED));
    }

    /** Kibana's {@code pathname + search}: after the space prefix is stripped, query string included as sent. */
    private static String pathAndQuery(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath(false);
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    private String operation() {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        return method == null ? "" : method.getName();
    }
}
