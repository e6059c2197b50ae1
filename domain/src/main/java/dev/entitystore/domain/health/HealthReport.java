package dev.entitystore.domain.health;

import java.util.List;

/** Every component's state and the service's: the worst of them, with a summary naming the cause. */
public record HealthReport(HealthLevel overall, String summary, List<ComponentHealth> components) {
    public HealthReport {
        components = List.copyOf(components);
    }

    static HealthReport of(List<ComponentHealth> components) {
        HealthLevel overall = HealthLevel.AVAILABLE;
        for (ComponentHealth component : components) {
            overall = overall.worse(component.level());
        }
        if (overall == HealthLevel.AVAILABLE) {
            return new HealthReport(overall, "All services are available", components);
        }
        StringBuilder summary = new StringBuilder();
        for (ComponentHealth component : components) {
            if (component.level() != HealthLevel.AVAILABLE) {
                summary.append(summary.isEmpty() ? "" : "; ").append(component.name()).append(": ").append(component.summary());
            }
        }
        return new HealthReport(overall, summary.toString(), components);
    }
}
