package dev.entitystore.domain.entity;

import static dev.entitystore.domain.entity.FieldListBuilder.FORCE_ONLY;
import static dev.entitystore.domain.entity.FieldListBuilder.under;

import java.util.List;

/**
 * The user type's own destinations. {@code event.module} and {@code data_stream.dataset}
 * repeat common fields with the same retention; the definition keeps one entry per path.
 */
final class UserFieldCatalogue {
    static final List<FieldDefinition> FIELDS = new FieldListBuilder()
            .newest(FORCE_ONLY, "entity.name")
            .collect(10, FORCE_ONLY, "event.module")
            .collect(50, FORCE_ONLY, "data_stream.dataset")
            .collect(FORCE_ONLY, "event.kind", "event.category", "event.type", "event.outcome")
            .newest(FORCE_ONLY, "entity.namespace")
            .oldest("entity.confidence")
            .collect(FORCE_ONLY, under("user",
                    "domain", "email", "name", "full_name", "hash", "id", "roles",
                    "group.domain", "group.id", "group.name"))
            .collect(FORCE_ONLY, "host.entity.id", "host.id", "host.name")
            .build();

    private UserFieldCatalogue() {
    }
}
