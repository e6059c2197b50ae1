package dev.entitystore.domain.entity;

import java.util.Optional;

/** The four built-in entity types. Their wire names are what paths, bodies and stored records carry. */
public enum EntityType {
    USER("user"),
    HOST("host"),
    SERVICE("service"),
    GENERIC("generic");

    private final String wireName;

    EntityType(String wireName) {
        this.wireName = wireName;
    }

    /** The name as it appears on the wire: {@code user}, {@code host}, {@code service}, {@code generic}. */
    public String wireName() {
        return wireName;
    }

    /** The type with this exact (case-sensitive) wire name, if any: the routes reject everything else. */
    public static Optional<EntityType> fromWireName(String name) {
        for (EntityType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
