package dev.entitystore.domain.merge;

import dev.entitystore.domain.entity.EntityType;

/**
 * Fields v1 kept as one value, where the v2 definitions collect them: each type's v1 identity field
 * ({@code host.name}, {@code user.name}, {@code service.name}), which Kibana's v1 keyed its entities by and
 * left out of its update script, and {@code entity.source}, a newest-value string in v1's definitions.
 * v1's merge replaces them, so an upsert sent twice keeps the strings v1's schema types them as.
 */
final class LegacyScalarFields {
    static final String SOURCE = "entity.source";

    private LegacyScalarFields() {
    }

    static boolean isScalarInV1(EntityType type, String path) {
        return SOURCE.equals(path) || identityField(type).equals(path);
    }

    /** v1's {@code identityField} of each type (generic entities were keyed by {@code entity.id}). */
    static String identityField(EntityType type) {
        switch (type) {
            case HOST:
                return "host.name";
            case USER:
                return "user.name";
            case SERVICE:
                return "service.name";
            default:
                return "entity.id";
        }
    }
}
