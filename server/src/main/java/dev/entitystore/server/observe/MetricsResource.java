package dev.entitystore.server.observe;

import dev.entitystore.api.MetricsApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.core.Response;

/** {@code GET /metrics}: the registry in Prometheus' text format. */
final class MetricsResource implements MetricsApi {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsResource(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response getMetrics() {
        return Response.ok(registry.scrape(), CONTENT_TYPE).build();
    }
}
