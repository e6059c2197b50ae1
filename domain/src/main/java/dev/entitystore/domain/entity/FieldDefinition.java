package dev.entitystore.domain.entity;

import java.util.Objects;

/**
 * One destination field of an entity definition: its dotted path, how it retains values, and whether the
 * API may write it without {@code force}.
 */
public record FieldDefinition(String path, Retention retention, boolean allowApiUpdate) {
    public FieldDefinition {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(retention, "retention");
    }
}
