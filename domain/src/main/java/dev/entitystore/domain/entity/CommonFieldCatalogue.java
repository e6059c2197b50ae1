package dev.entitystore.domain.entity;

import static dev.entitystore.domain.entity.FieldListBuilder.API;
import static dev.entitystore.domain.entity.FieldListBuilder.FORCE_ONLY;
import static dev.entitystore.domain.entity.FieldListBuilder.under;

import java.util.List;

/**
 * The destinations every type shares, in the order Kibana's definitions list them.
 * Only attributes, behaviors, relationships and resolution may be written without {@code force}.
 */
final class CommonFieldCatalogue {
    /** Relationship kinds of the newest definitions (the request schema says "administrators" instead). */
    static final List<String> RELATIONSHIP_KINDS = List.of(
            "administers", "communicates_with", "depends_on", "owns_inferred",
            "accesses_infrequently", "accesses_frequently", "owns", "supervises");

    /** ECS paths a relationship keeps its raw identifiers under. */
    static final List<String> RAW_IDENTIFIER_PATHS = List.of(
            "entity.id", "host.id", "user.id", "user.email", "host.name", "user.name", "service.name");

    static final List<FieldDefinition> FIELDS = build();

    private CommonFieldCatalogue() {
    }

    private static List<FieldDefinition> build() {
        FieldListBuilder b = new FieldListBuilder()
                .collect(10, FORCE_ONLY, "event.module", "event.dataset")
                .collect(50, FORCE_ONLY, "data_stream.dataset", "entity.source")
                .newest(FORCE_ONLY, "entity.type", "entity.sub_type", "entity.url")
                .collect(10, API, "entity.attributes.watchlists")
                .newest(API, under("entity.attributes", "asset", "managed", "mfa_enabled"))
                .newest(API, under("entity.attributes", "storage_class", "oauth_consent_restriction"))
                .collect(API, under("entity.attributes", "permissions", "known_redirects"))
                .oldest("entity.lifecycle.first_seen")
                .newest(FORCE_ONLY, "entity.lifecycle.last_seen", "entity.lifecycle.last_activity")
                .collect(100, API, under("entity.behaviors", "rule_names", "anomaly_job_ids"));
        for (String kind : RELATIONSHIP_KINDS) {
            String prefix = "entity.relationships." + kind;
            b.collect(API, under(prefix + ".raw_identifiers", RAW_IDENTIFIER_PATHS.toArray(String[]::new)));
        }
        for (String kind : RELATIONSHIP_KINDS) {
            b.collect(API, "entity.relationships." + kind + ".ids");
        }
        String resolution = "entity.relationships.resolution";
        return b
                .newest(API, under(resolution,
                        "resolved_to", "resolved_by", "score", "model_id", "effective_to", "divergent",
                        "by_rule.resolved_to", "by_rule.resolved_at",
                        "by_embedding.resolved_to", "by_embedding.score", "by_embedding.model_id",
                        "by_embedding.resolved_at",
                        "by_manual.resolved_to", "by_manual.resolved_at",
                        "risk.calculated_level", "risk.calculated_score", "risk.calculated_score_norm"))
                .newest(API, under("entity.resolution", "embedding", "embedding_source", "embedded_at"))
                .newest(FORCE_ONLY, under("asset",
                        "id", "name", "owner", "serial_number", "model", "vendor", "environment",
                        "criticality", "business_unit"))
                .newest(FORCE_ONLY, under("entity.risk",
                        "calculated_level", "calculated_score", "calculated_score_norm"))
                .build();
    }
}
