package dev.entitystore.server.observe;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.slf4j.MDC;

/**
 * First of all filters: notes when the request started, its id (the caller's {@code X-Request-Id} or a
 * new one, also put in the logging context so every line of the request carries it), and counts the body
 * bytes read. (The caller's address is put on the request by {@link RemoteAddressProbe}.)
 */
@PreMatching
@Priority(1)
public final class RequestStartFilter implements ContainerRequestFilter {
    static final String STARTED = "entitystore.startedNanos";
    static final String REQUEST_ID = "entitystore.requestId";
    static final String BODY = "entitystore.bodyCounter";
    static final String MDC_KEY = "requestId";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        String id = RequestIds.acceptOrGenerate(request.getHeaderString(RequestIds.HEADER));
        request.setProperty(REQUEST_ID, id);
        MDC.put(MDC_KEY, id);
        if (request.hasEntity()) {
            CountingInputStream body = new CountingInputStream(request.getEntityStream());
            request.setEntityStream(body);
            request.setProperty(BODY, body);
        }
    }
}
