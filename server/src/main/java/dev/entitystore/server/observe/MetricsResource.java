package dev.entitystore.server.observe;

import dev.entitystore.api.MetricsApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.core.Response;

/** {@code GET /metrics}: the registry in Prometheus' text format. */
final class MetricsResource implements MetricsApi {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    /** Brings the figures that are gathered, not maintained, up to date (the entity counts). */
    private final Runnable beforeScrape;

    MetricsResource(PrometheusMeterRegistry registry, Runnable beforeScrape) {
        this.registry = registry;
        this.beforeScrape = beforeScrape;
    }

    @Override
    public Response getMetrics() {
        beforeScrape.run();
        return Response.ok(registry.scrape(), CONTENT_TYPE).build();
    }
}
