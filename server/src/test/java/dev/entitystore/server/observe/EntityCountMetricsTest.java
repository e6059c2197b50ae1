package dev.entitystore.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.census.EntityCensus;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.SearchResult;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EntityCountMetricsTest {
    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicLong hosts = new AtomicLong(5);
    private final EntityCensus census = new EntityCensus(request -> {
        searches.incrementAndGet();
        String type = ((Query.Terms) request.query()).values().get(0);
        return new SearchResult(List.of(), type.equals("host") ? hosts.get() : 0);
    }, () -> List.of("default"));
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T12:00:00Z"));

    @Test
    void scrapes_within_the_period_reuse_the_last_census_and_a_later_one_counts_again() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EntityCountMetrics metrics = new EntityCountMetrics(census, registry, now::get, Duration.ofSeconds(30));

        metrics.refreshIfStale();
        assertThat(registry.scrape()).contains("entity_store_entities{space=\"default\",type=\"host\"} 5.0");
        int afterFirst = searches.get();
        assertThat(afterFirst).isEqualTo(4);

        hosts.set(6);
        now.set(now.get().plusSeconds(29));
        metrics.refreshIfStale();
        metrics.refreshIfStale();
        assertThat(searches.get()).isEqualTo(afterFirst);
        assertThat(registry.scrape()).contains("entity_store_entities{space=\"default\",type=\"host\"} 5.0");

        now.set(now.get().plusSeconds(1));
        metrics.refreshIfStale();
        assertThat(searches.get()).isEqualTo(2 * afterFirst);
        assertThat(registry.scrape()).contains("entity_store_entities{space=\"default\",type=\"host\"} 6.0");
    }

    @Test
    void a_type_emptied_since_the_last_census_leaves_the_metrics() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EntityCountMetrics metrics = new EntityCountMetrics(census, registry, now::get, Duration.ofSeconds(30));
        metrics.refreshIfStale();
        hosts.set(0);
        now.set(now.get().plusSeconds(31));
        metrics.refreshIfStale();
        assertThat(registry.scrape()).doesNotContain("entity_store_entities{");
    }
}
