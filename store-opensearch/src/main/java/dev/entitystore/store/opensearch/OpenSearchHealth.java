package dev.entitystore.store.opensearch;

import dev.entitystore.domain.health.ComponentHealth;
import dev.entitystore.domain.health.HealthCheck;
import dev.entitystore.domain.health.HealthLevel;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch.cluster.HealthResponse;

/**
 * The cluster's health, for the status route: available while it answers and its shards are allocated
 * (green, or yellow: replicas missing, every record still served), degraded when red (some primaries are
 * missing: reads and writes of their records fail), unavailable when it does not answer. Writes need no
 * gate here: the cluster refuses them itself, and the store answers 503.
 */
public final class OpenSearchHealth implements HealthCheck {
    static final String NAME = "opensearch";

    private final OpenSearchConnection connection;

    public OpenSearchHealth(OpenSearchConnection connection) {
        this.connection = connection;
    }

    @Override
    public ComponentHealth check() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("url", connection.url());
        HealthResponse health;
        try {
            health = connection.client().cluster().health(h -> h.timeout(t -> t.time("5s")));
        } catch (IOException | RuntimeException e) {
            return new ComponentHealth(NAME, HealthLevel.UNAVAILABLE, "OpenSearch at " + connection.url()
                    + " does not answer (" + e.getMessage() + "); requests answer 503 until it does. Check the cluster"
                    + " and the network to it", meta);
        }
        meta.put("clusterName", health.clusterName());
        meta.put("clusterStatus", health.status().jsonValue());
        meta.put("nodes", health.numberOfNodes());
        if (health.status() == HealthStatus.Red) {
            return new ComponentHealth(NAME, HealthLevel.DEGRADED, "OpenSearch cluster " + health.clusterName()
                    + " is red: some primary shards are unassigned, and requests on their records fail", meta);
        }
        return new ComponentHealth(NAME, HealthLevel.AVAILABLE, "OpenSearch cluster " + health.clusterName() + " is "
                + health.status().jsonValue(), meta);
    }
}
