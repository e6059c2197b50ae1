package dev.entitystore.server.observe;

import dev.entitystore.server.auth.AuthorizationFilter;
import dev.entitystore.server.auth.Principal;
import dev.entitystore.server.http.RequestSpace;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.function.Consumer;
import org.slf4j.MDC;

/**
 * Last of all: echoes {@code X-Request-Id}, and once the answer is written (its body bytes counted)
 * hands the completed request to the access log, the audit log and the metrics.
 */
@Priority(1)
public final class RequestEndFilter implements ContainerResponseFilter, WriterInterceptor {
    private static final String PENDING = "entitystore.completedPending";

    private final Consumer<CompletedRequest> observers;

    @Context
    private ResourceInfo resourceInfo;

    public RequestEndFilter(Consumer<CompletedRequest> observers) {
        this.observers = observers;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestStartFilter.REQUEST_ID);
        if (id != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, id);
        }
        if (response.hasEntity() && !"HEAD".equals(request.getMethod())) {
            // Completed in aroundWriteTo, once the body's size is known.
            request.setProperty(PENDING, new Pending(request, response.getStatus()));
            return;
        }
        complete(request, response.getStatus(), 0);
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object pending = context.getProperty(PENDING);
        if (!(pending instanceof Pending p)) {
            context.proceed();
            return;
        }
        context.removeProperty(PENDING);
        CountingOutputStream counted = new CountingOutputStream(context.getOutputStream());
        context.setOutputStream(counted);
        try {
            context.proceed();
        } finally {
            complete(p.request(), p.status(), counted.count());
        }
    }

    private record Pending(ContainerRequestContext request, int status) {}

    private void complete(ContainerRequestContext request, int status, long bytesOut) {
        try {
            Object started = request.getProperty(RequestStartFilter.STARTED);
            long duration = started instanceof Long nanos ? System.nanoTime() - nanos : 0;
            Object body = request.getProperty(RequestStartFilter.BODY);
            Principal principal = Principal.of(request);
            Object id = request.getProperty(RequestStartFilter.REQUEST_ID);
            observers.accept(new CompletedRequest(id == null ? "" : id.toString(), request.getMethod(), route(request),
                    operation(), RequestSpace.of(request), status, duration,
                    principal == null ? "anonymous" : principal.description(),
                    request.getHeaderString(HttpHeaders.AUTHORIZATION) != null, AuthorizationFilter.denied(request),
                    body instanceof CountingInputStream counter ? counter.count() : 0, bytesOut, RemoteAddress.of(request)));
        } finally {
            MDC.remove(RequestStartFilter.MDC_KEY);
        }
    }

    private static String route(ContainerRequestContext request) {
        return RouteTemplates.of(request).orElse(CompletedRequest.UNMATCHED);
    }

    private String operation() {
        try {
            Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
            return method == null ? "" : method.getName();
        } catch (IllegalStateException e) {
            return ""; // outside a matched request
        }
    }
}
