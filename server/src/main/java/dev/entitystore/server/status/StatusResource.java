package dev.entitystore.server.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.entitystore.api.StatusApi;
import dev.entitystore.api.model.ComponentStatus;
import dev.entitystore.api.model.OverallStatus;
import dev.entitystore.api.model.ServerStatus;
import dev.entitystore.api.model.ServerVersion;
import dev.entitystore.api.model.ServiceStatusLevel;
import dev.entitystore.api.model.StatusDetails;
import dev.entitystore.domain.health.ComponentHealth;
import dev.entitystore.domain.health.HealthReport;
import dev.entitystore.domain.health.ServiceHealth;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/status}: each component's health and the worst of them, in Kibana's status body;
 * 503 with the same body when the service cannot serve, as Kibana answers.
 */
public final class StatusResource implements StatusApi {
    private final String version;
    private final ServiceHealth health;

    public StatusResource(String version, ServiceHealth health) {
        this.version = version;
        this.health = health;
    }

    @Override
    public Response getStatus() {
        HealthReport report = health.report();
        ServerStatus status = new ServerStatus();
        status.setName("entity-store");
        ServerVersion serverVersion = new ServerVersion();
        serverVersion.setNumber(version);
        status.setVersion(serverVersion);
        OverallStatus overall = new OverallStatus();
        overall.setLevel(ServiceStatusLevel.fromValue(report.overall().id()));
        overall.setSummary(report.summary());
        StatusDetails details = new StatusDetails();
        details.setOverall(overall);
        Map<String, ComponentStatus> core = new LinkedHashMap<>();
        for (ComponentHealth component : report.components()) {
            ComponentStatus one = new ComponentStatus();
            one.setLevel(ServiceStatusLevel.fromValue(component.level().id()));
            one.setSummary(component.summary());
            one.setMeta(meta(component.meta()));
            core.put(component.name(), one);
        }
        details.setCore(core);
        status.setStatus(details);
        return Response.status(report.overall().canServe() ? 200 : 503).entity(status).build();
    }

    /** Figures are numbers or words. */
    private static Map<String, JsonNode> meta(Map<String, Object> figures) {
        Map<String, JsonNode> meta = new LinkedHashMap<>();
        figures.forEach((key, value) -> meta.put(key, value instanceof Long l ? JsonNodeFactory.instance.numberNode(l)
                : value instanceof Integer i ? JsonNodeFactory.instance.numberNode(i)
                : JsonNodeFactory.instance.textNode(String.valueOf(value))));
        return meta;
    }
}
