package dev.entitystore.domain.engine.legacy;

import dev.entitystore.domain.entity.EntityType;
import java.util.Locale;
import java.util.Optional;

/**
 * The engine types the legacy v1 routes name: the four entity types, plus {@code universal}, which v1's
 * published enum still lists but Kibana removed (its definition was dropped in favour of {@code generic}).
 * A universal engine can never be installed here: init refuses it, enable skips it, and every other
 * route treats it as an engine that is not installed.
 */
public enum LegacyEngineType {
    USER(EntityType.USER),
    HOST(EntityType.HOST),
    SERVICE(EntityType.SERVICE),
    GENERIC(EntityType.GENERIC),
    UNIVERSAL(null);

    private final EntityType entityType;

    LegacyEngineType(EntityType entityType) {
        this.entityType = entityType;
    }

    /** The entity type this engine serves; empty for {@code universal}. */
    public Optional<EntityType> entityType() {
        return Optional.ofNullable(entityType);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LegacyEngineType> fromWireName(String name) {
        for (LegacyEngineType type : values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static LegacyEngineType of(EntityType type) {
        return valueOf(type.name());
    }
}
