package dev.entitystore.server.status;

import dev.entitystore.api.StatusApi;
import dev.entitystore.api.model.OverallStatus;
import dev.entitystore.api.model.ServerStatus;
import dev.entitystore.api.model.ServerVersion;
import dev.entitystore.api.model.ServiceStatusLevel;
import dev.entitystore.api.model.StatusDetails;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/status}: the server registers its routes only once the store is open, so answering
 * at all means ready. The body is a Kibana-like subset of Kibana's status.
 */
public final class StatusResource implements StatusApi {
    private final String version;

    public StatusResource(String version) {
        this.version = version;
    }

    @Override
    public Response getStatus() {
        ServerStatus status = new ServerStatus();
        status.setName("entity-store");
        ServerVersion serverVersion = new ServerVersion();
        serverVersion.setNumber(version);
        status.setVersion(serverVersion);
        OverallStatus overall = new OverallStatus();
        overall.setLevel(ServiceStatusLevel.AVAILABLE);
        overall.setSummary("All services are available");
        StatusDetails details = new StatusDetails();
        details.setOverall(overall);
        status.setStatus(details);
        return Response.ok(status).build();
    }
}
