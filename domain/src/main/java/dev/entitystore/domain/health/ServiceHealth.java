package dev.entitystore.domain.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The service's components together: the status report, and whether a write may be applied now. */
public final class ServiceHealth {
    private final List<HealthCheck> checks;

    public ServiceHealth(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public HealthReport report() {
        List<ComponentHealth> components = new ArrayList<>(checks.size());
        for (HealthCheck check : checks) {
            components.add(check.check());
        }
        return HealthReport.of(components);
    }

    /** The first component's reason to refuse writes, if any; cheap enough to ask before every write. */
    public Optional<String> refusesWrites() {
        for (HealthCheck check : checks) {
            Optional<String> reason = check.refusesWrites();
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }
}
