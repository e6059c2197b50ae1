package dev.entitystore.domain.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request schema's keys (Kibana's {@code Entity} union), before the union with the
 * definitions (product rules §3.12). Shared keys first, then each member's own object.
 */
final class RequestSchemaCatalogue {
    /** The schema's relationship kinds ({@code administrators}, where definitions say {@code administers}). */
    static final List<String> RELATIONSHIP_KINDS = List.of(
            "administrators", "communicates_with", "depends_on", "owns_inferred",
            "accesses_infrequently", "accesses_frequently", "owns", "supervises");

    private RequestSchemaCatalogue() {
    }

    static Map<String, ValueRule> member(EntityType type) {
        Map<String, ValueRule> keys = shared();
        switch (type) {
            case USER:
                putAll(keys, ValueRule.STRING_ARRAY, "user.full_name", "user.domain", "user.roles", "user.id",
                        "user.email", "user.hash");
                keys.put("user.name", ValueRule.STRING);
                keys.put("user.risk", ValueRule.FREE_OBJECT);
                break;
            case HOST:
                putAll(keys, ValueRule.STRING_ARRAY, "host.hostname", "host.domain", "host.ip", "host.id",
                        "host.type", "host.mac", "host.architecture");
                keys.put("host.name", ValueRule.STRING);
                putAll(keys, ValueRule.STRING_OR_ARRAY, "host.os.name", "host.os.type");
                putAll(keys, ValueRule.STRING, "host.os.family", "host.os.full", "host.os.kernel",
                        "host.os.platform", "host.os.version");
                keys.put("host.risk", ValueRule.FREE_OBJECT);
                break;
            case SERVICE:
                putAll(keys, ValueRule.STRING, "service.name", "service.address", "service.environment",
                        "service.ephemeral_id", "service.id", "service.state", "service.type", "service.version",
                        "service.node.name", "service.node.role");
                keys.put("service.node.roles", ValueRule.STRING_ARRAY);
                keys.put("service.risk", ValueRule.FREE_OBJECT);
                break;
            case GENERIC:
                putAll(keys, ValueRule.STRING, "cloud.account.id", "cloud.account.name", "cloud.availability_zone",
                        "cloud.instance.id", "cloud.instance.name", "cloud.machine.type", "cloud.project.id",
                        "cloud.project.name", "cloud.provider", "cloud.region", "cloud.service.name",
                        "orchestrator.api_version", "orchestrator.cluster.id", "orchestrator.cluster.name",
                        "orchestrator.cluster.url", "orchestrator.cluster.version", "orchestrator.namespace",
                        "orchestrator.organization", "orchestrator.resource.annotation", "orchestrator.resource.id",
                        "orchestrator.resource.ip", "orchestrator.resource.label", "orchestrator.resource.name",
                        "orchestrator.resource.parent.type", "orchestrator.resource.type", "orchestrator.type");
                break;
            default:
                throw new IllegalArgumentException("unknown entity type " + type);
        }
        return keys;
    }

    private static Map<String, ValueRule> shared() {
        Map<String, ValueRule> keys = new LinkedHashMap<>();
        putAll(keys, ValueRule.STRING, "entity.id", "entity.name", "entity.type", "entity.sub_type",
                "entity.schema_version", "entity.url", "entity.EngineMetadata.Type", "entity.created_by");
        keys.put("entity.source", ValueRule.STRING_ARRAY);
        putAll(keys, ValueRule.STRING_ARRAY, "entity.attributes.watchlists", "entity.attributes.granted_permissions",
                "entity.attributes.known_redirect");
        putAll(keys, ValueRule.BOOLEAN, "entity.attributes.asset", "entity.attributes.managed",
                "entity.attributes.mfa_enabled");
        putAll(keys, ValueRule.STRING, "entity.attributes.storage_class", "entity.attributes.oauth_consent_restriction");
        putAll(keys, ValueRule.STRING_ARRAY, "entity.behaviors.rule_names", "entity.behaviors.anomaly_job_ids");
        putAll(keys, ValueRule.DATETIME_STRING, "entity.lifecycle.first_seen", "entity.lifecycle.last_seen",
                "entity.lifecycle.last_activity");
        for (String kind : RELATIONSHIP_KINDS) {
            for (String leaf : List.of("entity_id", "host_id", "user_id", "email", "hostname", "username")) {
                keys.put("entity.relationships." + kind + "." + leaf, ValueRule.STRING_ARRAY);
            }
        }
        keys.put("entity.relationships.resolution.resolved_to", ValueRule.STRING);
        keys.put("entity.relationships.resolution.risk", ValueRule.FREE_OBJECT);
        keys.put("entity.risk.calculated_level", ValueRule.oneOf("Unknown", "Low", "Moderate", "High", "Critical"));
        keys.put("entity.risk.calculated_score", ValueRule.NUMBER);
        keys.put("entity.risk.calculated_score_norm", ValueRule.numberUpTo(100));
        putAll(keys, ValueRule.STRING, "asset.id", "asset.name", "asset.owner", "asset.serial_number", "asset.model",
                "asset.vendor", "asset.environment", "asset.business_unit");
        // Kibana's schema marks it nullable: null clears the stored level (ClearableFields).
        keys.put("asset.criticality",
                ValueRule.nullableOneOf("low_impact", "medium_impact", "high_impact", "extreme_impact"));
        keys.put("@timestamp", ValueRule.DATETIME_STRING);
        keys.put("labels", ValueRule.FREE_OBJECT);
        keys.put("tags", ValueRule.STRING_ARRAY);
        keys.put("event.ingested", ValueRule.DATETIME_STRING);
        return keys;
    }

    private static void putAll(Map<String, ValueRule> keys, ValueRule rule, String... paths) {
        for (String path : paths) {
            keys.put(path, rule);
        }
    }
}
