package dev.entitystore.domain.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A record in full as one of its changes left it, kept by the store beside that change, so that the record
 * at a time is rebuilt from it by replaying the few changes after it instead of a long walk.
 *
 * @param seq     the change's seq
 * @param version the record's version after that change
 * @param source  the record as that change left it
 */
public record KeptState(long seq, long version, ObjectNode source) {
    public KeptState {
        Objects.requireNonNull(source, "source");
    }
}
