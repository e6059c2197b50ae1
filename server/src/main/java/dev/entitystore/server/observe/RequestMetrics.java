package dev.entitystore.server.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Request rate and latency per route, method and status: a timer with a histogram, exported as
 * {@code http_server_requests_seconds_bucket/_count/_sum}. Tagged by route template, so bounded.
 */
final class RequestMetrics implements Consumer<CompletedRequest> {
    private final MeterRegistry registry;
    /** The timer of each (method, route, status): building and registering one per request was 2% of a request's CPU. */
    private final Map<List<Object>, Timer> timers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(CompletedRequest request) {
        timers.computeIfAbsent(List.of(request.method(), request.route(), request.status()), key -> Timer.builder("http.server.requests")
                        .description("HTTP requests answered, by route template, method and status")
                        .tag("method", request.method())
                        .tag("route", request.route())
                        .tag("status", Integer.toString(request.status()))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(request.durationNanos(), TimeUnit.NANOSECONDS);
    }
}
