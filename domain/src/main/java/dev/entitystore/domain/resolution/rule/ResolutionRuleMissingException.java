package dev.entitystore.domain.resolution.rule;

import dev.entitystore.domain.error.EntityStoreException;

/** No built-in rule has the id asked for (Kibana's newest text: its rules are saved objects). */
public final class ResolutionRuleMissingException extends EntityStoreException {
    public ResolutionRuleMissingException(String id) {
        super("Saved object [entity-resolution-rule/" + id + "] not found");
    }
}
