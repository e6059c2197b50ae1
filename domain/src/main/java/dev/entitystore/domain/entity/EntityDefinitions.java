package dev.entitystore.domain.entity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of the four built-in definitions: each type's own catalogue followed by the common one,
 * and its identity source fields. Everything else in the domain reads definitions from here.
 */
public final class EntityDefinitions {
    private static final Map<EntityType, EntityDefinition> DEFINITIONS = build();
    private static final Map<EntityType, EntityDefinition> LEGACY = buildLegacy();

    private EntityDefinitions() {
    }

    public static EntityDefinition of(EntityType type) {
        return DEFINITIONS.get(type);
    }

    /**
     * What the legacy v1 routes validate and merge against: the current definition plus v1's own
     * destinations ({@link LegacyFieldCatalogue}), so that v1 clients write what v1 let them write and v1
     * and v2 records stay one record per EUID. Its identity is v1's single identity field per type
     * ({@link #legacyIdentityField}): v1 skipped only that and {@code entity.id}, so e.g. {@code host.id} is
     * an ordinary (restricted) field on v1.
     */
    public static EntityDefinition legacyOf(EntityType type) {
        return LEGACY.get(type);
    }

    private static Map<EntityType, EntityDefinition> buildLegacy() {
        Map<EntityType, EntityDefinition> map = new EnumMap<>(EntityType.class);
        for (EntityDefinition current : DEFINITIONS.values()) {
            List<FieldDefinition> all = new ArrayList<>(current.fields());
            all.addAll(LegacyFieldCatalogue.FIELDS);
            map.put(current.type(), new EntityDefinition(current.type(), all, List.of(legacyIdentityField(current.type()))));
        }
        return map;
    }

    /** v1's {@code identityField}: one per type, as its entity definitions named it. */
    public static String legacyIdentityField(EntityType type) {
        return switch (type) {
            case HOST -> "host.name";
            case USER -> "user.name";
            case SERVICE -> "service.name";
            case GENERIC -> "entity.id";
        };
    }

    private static Map<EntityType, EntityDefinition> build() {
        Map<EntityType, EntityDefinition> map = new EnumMap<>(EntityType.class);
        map.put(EntityType.USER, define(EntityType.USER, UserFieldCatalogue.FIELDS,
                List.of("user.name", "host.id", "user.email", "user.id", "user.domain")));
        map.put(EntityType.HOST, define(EntityType.HOST, HostFieldCatalogue.FIELDS,
                List.of("host.id", "host.name", "host.hostname")));
        map.put(EntityType.SERVICE, define(EntityType.SERVICE, ServiceFieldCatalogue.FIELDS,
                List.of("service.name")));
        map.put(EntityType.GENERIC, define(EntityType.GENERIC, GenericFieldCatalogue.FIELDS,
                List.of("entity.id")));
        return map;
    }

    private static EntityDefinition define(EntityType type, List<FieldDefinition> own, List<String> identity) {
        List<FieldDefinition> all = new ArrayList<>(own);
        all.addAll(CommonFieldCatalogue.FIELDS);
        return new EntityDefinition(type, all, identity);
    }
}
