package dev.entitystore.domain.entity;

import static dev.entitystore.domain.entity.FieldListBuilder.FORCE_ONLY;
import static dev.entitystore.domain.entity.FieldListBuilder.under;

import java.util.List;

/** The generic type's own destinations: its id and name, cloud and orchestrator metadata. */
final class GenericFieldCatalogue {
    static final List<FieldDefinition> FIELDS = new FieldListBuilder()
            .newest(FORCE_ONLY, "entity.id", "entity.name")
            .newest(FORCE_ONLY, under("cloud",
                    "account.id", "account.name", "availability_zone", "instance.id", "instance.name",
                    "machine.type", "project.id", "project.name", "provider", "region", "service.name"))
            .newest(FORCE_ONLY, under("orchestrator",
                    "api_version", "cluster.id", "cluster.name", "cluster.url", "cluster.version",
                    "namespace", "organization", "resource.annotation", "resource.id", "resource.ip",
                    "resource.label", "resource.name", "resource.parent.type", "resource.type", "type"))
            .build();

    private GenericFieldCatalogue() {
    }
}
