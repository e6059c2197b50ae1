package dev.entitystore.domain.entity;

import static dev.entitystore.domain.entity.FieldListBuilder.FORCE_ONLY;
import static dev.entitystore.domain.entity.FieldListBuilder.under;

import java.util.List;

/**
 * The service type's own destinations. The branch-only {@code service.health.*} fields are
 * left out: they are not in the definitions the spec calls newest.
 */
final class ServiceFieldCatalogue {
    static final List<FieldDefinition> FIELDS = new FieldListBuilder()
            .newest(FORCE_ONLY, "entity.name")
            .oldest("service.entity.id")
            .collect(FORCE_ONLY, under("service",
                    "name", "address", "environment", "ephemeral_id", "id", "node.name", "node.roles",
                    "node.role", "type"))
            .newest(FORCE_ONLY, "service.state", "service.version")
            .build();

    private ServiceFieldCatalogue() {
    }
}
