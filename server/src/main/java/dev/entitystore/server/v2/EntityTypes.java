package dev.entitystore.server.v2;

import dev.entitystore.domain.entity.EntityType;
import java.util.ArrayList;
import java.util.List;

/** Translates the generated API's entity types into the domain's, by their wire names. */
public final class EntityTypes {
    private EntityTypes() {}

    public static EntityType toDomain(dev.entitystore.api.model.EntityType type) {
        return EntityType.fromWireName(type.toString()).orElseThrow(
                () -> new IllegalArgumentException("no domain entity type for " + type));
    }

    /** Null or empty means "every type" to the domain, and stays empty. */
    public static List<EntityType> toDomain(List<dev.entitystore.api.model.EntityType> types) {
        List<EntityType> domain = new ArrayList<>();
        if (types != null) {
            types.forEach(type -> domain.add(toDomain(type)));
        }
        return domain;
    }
}
