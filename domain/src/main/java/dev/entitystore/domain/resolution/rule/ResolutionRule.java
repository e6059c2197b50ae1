package dev.entitystore.domain.resolution.rule;

import java.util.Objects;
import java.util.Optional;

/**
 * One built-in resolution rule, as Kibana lists it ({@code id}, {@code kind}, {@code description}; every
 * rule is {@code managed}), with what the automated-resolution job compares.
 *
 * @param enabledByDefault whether the rule runs until a space disables it
 * @param keys             what the job compares; empty for a rule whose fields our records cannot carry
 *                         (it can be enabled, but a run links nothing by it)
 */
public record ResolutionRule(String id, String kind, String description, boolean enabledByDefault,
                             Optional<MatchKeys> keys) {
    public static final String SAME_FIELD = "same_field";
    public static final String CROSS_FIELD = "cross_field";

    public ResolutionRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(keys, "keys");
    }
}
