package dev.entitystore.server.observe;

import dev.entitystore.domain.census.EntityCensus;
import dev.entitystore.domain.census.EntityCount;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code entity_store_entities{space, type}}: the census, taken when a scrape finds the last one older
 * than {@link #MAX_AGE}, so that however often Prometheus scrapes, the counts cost one count search per
 * space and type per period. A census that fails keeps the last counts (the health gauges say why).
 */
final class EntityCountMetrics {
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(EntityCountMetrics.class);

    private final EntityCensus census;
    private final Supplier<Instant> clock;
    private final Duration maxAge;
    private final MultiGauge gauge;
    private Instant takenAt;

    EntityCountMetrics(EntityCensus census, MeterRegistry registry, Supplier<Instant> clock, Duration maxAge) {
        this.census = census;
        this.clock = clock;
        this.maxAge = maxAge;
        this.gauge = MultiGauge.builder("entity.store.entities")
                .description("Entities per space and type (counted at most every " + maxAge.toSeconds() + " s)")
                .register(registry);
    }

    /** Takes a new census if the last one is older than the period (or there is none). */
    synchronized void refreshIfStale() {
        Instant now = clock.get();
        if (takenAt != null && Duration.between(takenAt, now).compareTo(maxAge) < 0) {
            return;
        }
        takenAt = now;
        try {
            List<EntityCount> counts = census.count();
            gauge.register(counts.stream()
                    .map(c -> MultiGauge.Row.of(Tags.of("space", c.space(), "type", c.type()), c.count()))
                    .toList(), true);
        } catch (RuntimeException e) {
            LOG.debug("entity census failed, the last counts stay: {}", e.getMessage(), e);
        }
    }
}
