package dev.entitystore.domain.resolution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A target's stored record and a walk over its aliases' records. The aliases are read page by page while
 * they are handed on, never held all at once: a group has no size cap, and a group of 100,000 records held
 * as trees would not fit a server's heap.
 */
public record ResolutionGroup(ObjectNode target, String entityType, Aliases aliases) {

    /** The group's alias records, read on demand, in EUID order. */
    public interface Aliases {
        /** Hands every alias record to {@code receiver}, page after page; returns how many there were. */
        long each(Consumer<ObjectNode> receiver);

        /**
         * Hands up to {@code size} alias records after the alias {@code after} ({@code null}: from the first)
         * to {@code receiver}; returns the EUID to pass as {@code after} for the next page, or empty when this
         * page was the last.
         */
        Optional<String> page(String after, int size, Consumer<ObjectNode> receiver);

        /** How many aliases the group has now. */
        long count();
    }
}
