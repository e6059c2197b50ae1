package dev.entitystore.domain.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.entity.Retention.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue against Kibana's entity definitions, field for field: counts per type and spot checks of every row. */
class EntityDefinitionsTest {

    private static FieldDefinition field(EntityType type, String path) {
        return EntityDefinitions.of(type).field(path).orElseThrow(
                () -> new AssertionError(type + " lacks " + path));
    }

    private static void assertField(EntityType type, String path, Kind kind, int max, boolean api) {
        FieldDefinition f = field(type, path);
        assertThat(f.retention().kind()).as(path).isEqualTo(kind);
        assertThat(f.retention().maxLength()).as(path).isEqualTo(max);
        assertThat(f.allowApiUpdate()).as(path).isEqualTo(api);
    }

    @Test
    void commonCatalogueHas116Destinations() {
        // 2 event + 2 long collect + 3 entity + 8 attributes + 3 lifecycle + 2 behaviors
        // + 56 raw identifiers (entity.id among them, issue 16) + 8 ids + 17 resolution + 3 embedding + 9 asset + 3 risk
        assertThat(CommonFieldCatalogue.FIELDS).hasSize(116);
        assertThat(CommonFieldCatalogue.FIELDS.stream().map(FieldDefinition::path).distinct()).hasSize(116);
    }

    @Test
    void eachTypeHasItsOwnFieldsPlusTheCommonOnes() {
        assertThat(EntityDefinitions.of(EntityType.HOST).fields()).hasSize(116 + 37);
        assertThat(EntityDefinitions.of(EntityType.USER).fields()).hasSize(116 + 20);
        assertThat(EntityDefinitions.of(EntityType.SERVICE).fields()).hasSize(116 + 13);
        assertThat(EntityDefinitions.of(EntityType.GENERIC).fields()).hasSize(116 + 28);
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void everyTypeCarriesTheCommonRows(EntityType type) {
        assertField(type, "event.module", Kind.COLLECT, 10, false);
        assertField(type, "event.dataset", Kind.COLLECT, 10, false);
        assertField(type, "data_stream.dataset", Kind.COLLECT, 50, false);
        assertField(type, "entity.source", Kind.COLLECT, 50, false);
        assertField(type, "entity.type", Kind.NEWEST, 0, false);
        assertField(type, "entity.sub_type", Kind.NEWEST, 0, false);
        assertField(type, "entity.url", Kind.NEWEST, 0, false);
        assertField(type, "entity.attributes.watchlists", Kind.COLLECT, 10, true);
        assertField(type, "entity.attributes.asset", Kind.NEWEST, 0, true);
        assertField(type, "entity.attributes.managed", Kind.NEWEST, 0, true);
        assertField(type, "entity.attributes.mfa_enabled", Kind.NEWEST, 0, true);
        assertField(type, "entity.attributes.storage_class", Kind.NEWEST, 0, true);
        assertField(type, "entity.attributes.oauth_consent_restriction", Kind.NEWEST, 0, true);
        assertField(type, "entity.attributes.permissions", Kind.COLLECT, 10, true);
        assertField(type, "entity.attributes.known_redirects", Kind.COLLECT, 10, true);
        assertField(type, "entity.lifecycle.first_seen", Kind.OLDEST, 0, false);
        assertField(type, "entity.lifecycle.last_seen", Kind.NEWEST, 0, false);
        assertField(type, "entity.lifecycle.last_activity", Kind.NEWEST, 0, false);
        assertField(type, "entity.behaviors.rule_names", Kind.COLLECT, 100, true);
        assertField(type, "entity.behaviors.anomaly_job_ids", Kind.COLLECT, 100, true);
        assertField(type, "entity.relationships.administers.raw_identifiers.host.id", Kind.COLLECT, 10, true);
        assertField(type, "entity.relationships.supervises.raw_identifiers.service.name", Kind.COLLECT, 10, true);
        assertField(type, "entity.relationships.owns_inferred.ids", Kind.COLLECT, 10, true);
        assertField(type, "entity.relationships.resolution.resolved_to", Kind.NEWEST, 0, true);
        assertField(type, "entity.relationships.resolution.divergent", Kind.NEWEST, 0, true);
        assertField(type, "entity.relationships.resolution.by_embedding.model_id", Kind.NEWEST, 0, true);
        assertField(type, "entity.relationships.resolution.by_manual.resolved_at", Kind.NEWEST, 0, true);
        assertField(type, "entity.relationships.resolution.risk.calculated_score_norm", Kind.NEWEST, 0, true);
        assertField(type, "entity.resolution.embedding", Kind.NEWEST, 0, true);
        assertField(type, "entity.resolution.embedded_at", Kind.NEWEST, 0, true);
        assertField(type, "asset.criticality", Kind.NEWEST, 0, false);
        assertField(type, "asset.business_unit", Kind.NEWEST, 0, false);
        assertField(type, "entity.risk.calculated_level", Kind.NEWEST, 0, false);
        assertField(type, "entity.risk.calculated_score_norm", Kind.NEWEST, 0, false);
    }

    @Test
    void relationshipsCoverEightKindsTimesSevenRawIdentifiersPlusIds() {
        List<String> relationshipPaths = CommonFieldCatalogue.FIELDS.stream()
                .map(FieldDefinition::path)
                .filter(p -> p.startsWith("entity.relationships.") && !p.startsWith("entity.relationships.resolution"))
                .collect(Collectors.toList());
        assertThat(relationshipPaths).hasSize(8 * 7 + 8);
        assertThat(relationshipPaths).contains(
                "entity.relationships.communicates_with.raw_identifiers.user.email",
                "entity.relationships.accesses_frequently.ids",
                "entity.relationships.accesses_infrequently.raw_identifiers.host.name",
                "entity.relationships.owns.raw_identifiers.entity.id");
    }

    @Test
    void hostRowsMatchTheSpec() {
        EntityType h = EntityType.HOST;
        assertField(h, "entity.name", Kind.NEWEST, 0, false);
        assertField(h, "host.entity.id", Kind.OLDEST, 0, false);
        for (String p : List.of("host.name", "host.domain", "host.hostname", "host.id", "host.os.name",
                "host.os.type", "host.ip", "host.mac", "host.type", "host.architecture", "host.geo.name",
                "host.geo.postal_code", "host.geo.region_iso_code", "host.geo.region_name", "host.geo.timezone")) {
            assertField(h, p, Kind.COLLECT, 10, false);
        }
        for (String p : List.of("host.boot.id", "host.cpu.usage", "host.disk.read.bytes", "host.disk.write.bytes",
                "host.network.egress.bytes", "host.network.egress.packets", "host.network.ingress.bytes",
                "host.network.ingress.packets", "host.uptime", "host.pid_ns_ino", "host.os.family", "host.os.full",
                "host.os.kernel", "host.os.platform", "host.os.version", "host.geo.city_name",
                "host.geo.continent_code", "host.geo.continent_name", "host.geo.country_iso_code",
                "host.geo.country_name")) {
            assertField(h, p, Kind.NEWEST, 0, false);
        }
        assertThat(EntityDefinitions.of(h).hasField("user.name")).isFalse();
    }

    @Test
    void userRowsMatchTheSpec() {
        EntityType u = EntityType.USER;
        assertField(u, "entity.name", Kind.NEWEST, 0, false);
        assertField(u, "event.module", Kind.COLLECT, 10, false);
        assertField(u, "data_stream.dataset", Kind.COLLECT, 50, false);
        for (String p : List.of("event.kind", "event.category", "event.type", "event.outcome")) {
            assertField(u, p, Kind.COLLECT, 10, false);
        }
        assertField(u, "entity.namespace", Kind.NEWEST, 0, false);
        assertField(u, "entity.confidence", Kind.OLDEST, 0, false);
        for (String p : List.of("user.domain", "user.email", "user.name", "user.full_name", "user.hash", "user.id",
                "user.roles", "user.group.domain", "user.group.id", "user.group.name", "host.entity.id", "host.id",
                "host.name")) {
            assertField(u, p, Kind.COLLECT, 10, false);
        }
    }

    @Test
    void serviceRowsMatchTheSpec() {
        EntityType s = EntityType.SERVICE;
        assertField(s, "entity.name", Kind.NEWEST, 0, false);
        assertField(s, "service.entity.id", Kind.OLDEST, 0, false);
        for (String p : List.of("service.name", "service.address", "service.environment", "service.ephemeral_id",
                "service.id", "service.node.name", "service.node.roles", "service.node.role", "service.type")) {
            assertField(s, p, Kind.COLLECT, 10, false);
        }
        assertField(s, "service.state", Kind.NEWEST, 0, false);
        assertField(s, "service.version", Kind.NEWEST, 0, false);
        assertThat(EntityDefinitions.of(s).hasField("service.health.calculated_level")).isFalse();
    }

    @Test
    void genericRowsMatchTheSpec() {
        EntityType g = EntityType.GENERIC;
        assertField(g, "entity.id", Kind.NEWEST, 0, false);
        assertField(g, "entity.name", Kind.NEWEST, 0, false);
        assertField(g, "cloud.account.id", Kind.NEWEST, 0, false);
        assertField(g, "cloud.service.name", Kind.NEWEST, 0, false);
        assertField(g, "orchestrator.resource.parent.type", Kind.NEWEST, 0, false);
        assertField(g, "orchestrator.type", Kind.NEWEST, 0, false);
        assertThat(EntityDefinitions.of(g).hasField("host.name")).isFalse();
    }

    @Test
    void identitySourceFieldsFollowSection53() {
        assertThat(EntityDefinitions.of(EntityType.HOST).identitySourceFields())
                .containsExactly("host.id", "host.name", "host.hostname");
        assertThat(EntityDefinitions.of(EntityType.USER).identitySourceFields())
                .containsExactly("user.name", "host.id", "user.email", "user.id", "user.domain");
        assertThat(EntityDefinitions.of(EntityType.SERVICE).identitySourceFields()).containsExactly("service.name");
        assertThat(EntityDefinitions.of(EntityType.GENERIC).identitySourceFields()).containsExactly("entity.id");
    }

    @Test
    void nothingTheApiMayUpdateWithoutForceIsOutsideAttributesBehaviorsRelationshipsOrResolution() {
        for (EntityType type : EntityType.values()) {
            EntityDefinitions.of(type).fields().stream().filter(FieldDefinition::allowApiUpdate).forEach(f ->
                    assertThat(f.path()).matches("entity\\.(attributes|behaviors|relationships|resolution)\\..*"));
        }
    }

    @Test
    void wireNamesRoundTripAndAreCaseSensitive() {
        for (EntityType type : EntityType.values()) {
            assertThat(EntityType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(EntityType.fromWireName("Host")).isEmpty();
        assertThat(EntityType.fromWireName("universal")).isEmpty();
    }
}
