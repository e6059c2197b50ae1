package dev.entitystore.domain.resolution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * A target's stored record and a walk over its aliases' records. The aliases are read page by page while
 * they are handed on, never held all at once: a group has no size cap, and a group of 100,000 records held
 * as trees would not fit a server's heap.
 */
public record ResolutionGroup(ObjectNode target, String entityType, Aliases aliases) {

    /** The group's alias records, read on demand. */
    @FunctionalInterface
    public interface Aliases {
        /** Hands each alias record to {@code receiver}, page after page; returns how many there were. */
        long each(Consumer<ObjectNode> receiver);
    }
}
