package dev.entitystore.domain.criticality;

import java.util.Objects;

/** One level to set (or, {@code unassigned}, to remove) on the entity {@code field: value} addresses. */
public record CriticalityAssignment(IdField field, String value, String level) {
    public CriticalityAssignment {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(level, "level");
    }

    /** Two assignments of one entity as the request named it (Kibana's duplicate check). */
    String key() {
        return field.wireName() + ":" + value;
    }

    boolean removes() {
        return CriticalityLevels.UNASSIGNED.equals(level);
    }
}
