package dev.entitystore.server.health;

import dev.entitystore.domain.health.ComponentHealth;
import dev.entitystore.domain.health.HealthLevel;
import dev.entitystore.domain.health.ServiceHealth;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the components every few seconds and logs each change of level once, with the component's
 * summary (what happened, what to do): an operator reads of a lost data directory when it happens, not
 * at the next failed write.
 */
public final class HealthMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
    static final long INTERVAL_SECONDS = 5;

    private final ServiceHealth health;
    private final Map<String, HealthLevel> last = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "entity-store-health");
        thread.setDaemon(true);
        return thread;
    });

    public HealthMonitor(ServiceHealth health) {
        this.health = health;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::checkNow, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    /** One round: logs the components whose level changed since the last. */
    synchronized void checkNow() {
        try {
            for (ComponentHealth component : health.report().components()) {
                HealthLevel before = last.put(component.name(), component.level());
                if (before == null && component.level() == HealthLevel.AVAILABLE || before == component.level()) {
                    continue;
                }
                String message = "Health: {} is {}: {}";
                switch (component.level()) {
                    case AVAILABLE -> LOG.info(message, component.name(), component.level().id(), component.summary());
                    case DEGRADED -> LOG.warn(message, component.name(), component.level().id(), component.summary());
                    default -> LOG.error(message, component.name(), component.level().id(), component.summary());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Health check failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
