package dev.entitystore.domain.health;

import java.util.Map;
import java.util.Objects;

/**
 * One component's state: its level, a sentence for an operator (what is wrong and what to do), and
 * figures such as the search index's lag.
 *
 * @param name    a stable key, e.g. {@code recordStore}
 * @param meta    figures, in insertion order; numbers or strings
 */
public record ComponentHealth(String name, HealthLevel level, String summary, Map<String, Object> meta) {
    public ComponentHealth {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(summary, "summary");
        meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
    }
}
