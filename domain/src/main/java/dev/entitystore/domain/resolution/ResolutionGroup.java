package dev.entitystore.domain.resolution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A target's stored record and those of its aliases. */
public record ResolutionGroup(ObjectNode target, List<ObjectNode> aliases, String entityType) {
    public ResolutionGroup {
        aliases = List.copyOf(aliases);
    }

    public long size() {
        return 1L + aliases.size();
    }
}
