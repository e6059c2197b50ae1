package dev.entitystore.domain.health;

import java.util.Optional;

/**
 * The health port a backend's component implements: the record store, the search index, the cluster.
 */
public interface HealthCheck {

    /** The component's state now; may take a round trip to a remote service, so not for every request. */
    ComponentHealth check();

    /**
     * Why no write may be applied now, if so. Asked before every write, so it must be cheap and local (a
     * file's attributes, a flag); a remote component leaves it empty and fails its writes itself.
     */
    default Optional<String> refusesWrites() {
        return Optional.empty();
    }
}
