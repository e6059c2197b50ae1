package dev.entitystore.server.observe;

import dev.entitystore.domain.census.EntityCensus;
import dev.entitystore.domain.health.ComponentHealth;
import dev.entitystore.domain.health.ServiceHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The server's logs and metrics of its requests: the request id, the access log (unless turned off),
 * the audit log, and the Prometheus registry behind {@code GET /metrics} with the JVM's figures and the
 * backend's (component health levels; the embedded store adds its queue and the index lag).
 */
public final class Observability implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final boolean accessLog;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();

    public Observability(boolean accessLog) {
        this.accessLog = accessLog;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** One gauge per component, its level as a number: 0 available, 1 degraded, 2 unavailable, 3 critical. */
    public void watch(ServiceHealth health) {
        for (ComponentHealth component : health.report().components()) {
            String name = component.name();
            Gauge.builder("entity.store.health.level", health, h -> h.report().components().stream()
                            .filter(c -> c.name().equals(name)).findFirst().map(c -> c.level().ordinal()).orElse(2))
                    .description("Component health: 0 available, 1 degraded, 2 unavailable, 3 critical")
                    .tag("component", name)
                    .register(registry);
        }
    }

    /** {@code entity_store_entities{space, type}}, counted by {@code census} at most every 30 s. */
    public void countEntities(EntityCensus census) {
        EntityCountMetrics counts = new EntityCountMetrics(census, registry, Instant::now, EntityCountMetrics.MAX_AGE);
        beforeScrape.add(counts::refreshIfStale);
    }

    public void register(ResourceConfig app) {
        List<Consumer<CompletedRequest>> observers = new ArrayList<>();
        if (accessLog) {
            observers.add(new AccessLog());
        }
        observers.add(new AuditLog());
        observers.add(new RequestMetrics(registry));
        app.register(RequestStartFilter.class);
        app.register(new RequestEndFilter(request -> observers.forEach(observer -> observer.accept(request))));
        app.register(new MetricsResource(registry, () -> beforeScrape.forEach(Runnable::run)));
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
