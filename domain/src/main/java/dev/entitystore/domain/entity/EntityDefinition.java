package dev.entitystore.domain.entity;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the store knows about one entity type: its destination fields (one per path, in catalogue order)
 * and the identity source fields that field permissions never reject. Immutable; obtain through
 * {@link EntityDefinitions#of(EntityType)}.
 */
public final class EntityDefinition {
    private final EntityType type;
    private final Map<String, FieldDefinition> fields;
    private final List<String> identitySourceFields;
    private final Set<String> identitySourceFieldSet;

    EntityDefinition(EntityType type, List<FieldDefinition> fieldList, List<String> identitySourceFields) {
        this.type = type;
        Map<String, FieldDefinition> byPath = new LinkedHashMap<>();
        for (FieldDefinition field : fieldList) {
            // A type may repeat a common field (user: event.module); the first declaration stands.
            byPath.putIfAbsent(field.path(), field);
        }
        this.fields = Collections.unmodifiableMap(byPath);
        this.identitySourceFields = List.copyOf(identitySourceFields);
        this.identitySourceFieldSet = Set.copyOf(identitySourceFields);
    }

    public EntityType type() {
        return type;
    }

    /** The definition's field for this destination path, if it has one. */
    public Optional<FieldDefinition> field(String path) {
        return Optional.ofNullable(fields.get(path));
    }

    /** Every destination field, in catalogue order. */
    public Collection<FieldDefinition> fields() {
        return fields.values();
    }

    public boolean hasField(String path) {
        return fields.containsKey(path);
    }

    /** The fields the EUID is built from, without evaluated ones such as {@code entity.namespace}. */
    public List<String> identitySourceFields() {
        return identitySourceFields;
    }

    public boolean isIdentitySourceField(String path) {
        return identitySourceFieldSet.contains(path);
    }

    @Override
    public String toString() {
        return "EntityDefinition[" + type + ", " + fields.size() + " fields]";
    }
}
