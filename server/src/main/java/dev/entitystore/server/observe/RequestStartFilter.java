package dev.entitystore.server.observe;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.MDC;

/**
 * First of all filters: notes when the request started, its id (the caller's {@code X-Request-Id} or a
 * new one, also put in the logging context so every line of the request carries it), the caller's
 * address, and counts the body bytes read.
 */
@PreMatching
@Priority(1)
public final class RequestStartFilter implements ContainerRequestFilter {
    static final String STARTED = "entitystore.startedNanos";
    static final String REQUEST_ID = "entitystore.requestId";
    static final String BODY = "entitystore.bodyCounter";
    static final String MDC_KEY = "requestId";

    @Inject
    private Provider<Request> grizzlyRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        String id = RequestIds.acceptOrGenerate(request.getHeaderString(RequestIds.HEADER));
        request.setProperty(REQUEST_ID, id);
        MDC.put(MDC_KEY, id);
        Request http = grizzlyRequest == null ? null : grizzlyRequest.get();
        if (http != null && http.getRemoteAddr() != null) {
            request.setProperty(RemoteAddress.PROPERTY, http.getRemoteAddr());
        }
        if (request.hasEntity()) {
            CountingInputStream body = new CountingInputStream(request.getEntityStream());
            request.setEntityStream(body);
            request.setProperty(BODY, body);
        }
    }
}
