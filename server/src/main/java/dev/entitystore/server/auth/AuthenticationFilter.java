package dev.entitystore.server.auth;

import dev.entitystore.server.error.ErrorBody;
import dev.entitystore.server.observe.RemoteAddress;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Kibana's authentication step: every route needs a valid {@code Authorization} header, else 401 in
 * Kibana's body. Runs after route matching (an unknown route is a 404 for anyone, as Kibana's router
 * answers it before authenticating) and before the XSRF check, as in Kibana. Registered only when a
 * credentials file is configured. {@code GET /api/status} may be opened to anonymous callers, like
 * Kibana's {@code status.allowAnonymous}, and {@code GET /metrics} to anonymous callers on loopback.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {
    /** Kibana's text when no credential is presented. */
    public static final String MISSING = "Unauthorized";
    /** Ours (Elasticsearch's wording, which Kibana relays) when the credential is wrong, unknown or malformed. */
    public static final String REJECTED = "unable to authenticate with provided credentials";

    private final Authenticator authenticator;
    private final boolean statusAllowsAnonymous;
    private final boolean metricsAllowAnonymousLoopback;

    @Context
    private ResourceInfo resourceInfo;

    public AuthenticationFilter(Authenticator authenticator, boolean statusAllowsAnonymous, boolean metricsAllowAnonymousLoopback) {
        this.authenticator = authenticator;
        this.statusAllowsAnonymous = statusAllowsAnonymous;
        this.metricsAllowAnonymousLoopback = metricsAllowAnonymousLoopback;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            if (statusAllowsAnonymous && "getStatus".equals(operation())) {
                return;
            }
            // A scraper on this machine; never one from the network.
            if (metricsAllowAnonymousLoopback && "getMetrics".equals(operation()) && RemoteAddress.isLoopback(request)) {
                return;
            }
            request.abortWith(unauthorized(MISSING));
            return;
        }
        Optional<Principal> principal = authenticator.authenticate(header);
        if (principal.isEmpty()) {
            request.abortWith(unauthorized(REJECTED));
            return;
        }
        principal.get().attachTo(request);
    }

    private String operation() {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        return method == null ? "" : method.getName();
    }

    /** The 401 with the challenges a client may answer (as Elasticsearch sends them through Kibana). */
    private static Response unauthorized(String message) {
        return Response.fromResponse(ErrorBody.of(401, message).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"entity-store\", charset=\"UTF-8\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey")
                .build();
    }
}
