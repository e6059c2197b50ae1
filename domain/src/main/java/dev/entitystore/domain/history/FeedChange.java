package dev.entitystore.domain.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One change of a feed page, as the feed answers it: a store that keeps changes in the answer's shape hands
 * over its stored text ({@link #json}) without parsing it; {@link #change} parses it for whoever looks inside.
 */
public interface FeedChange {
    /** Its place in store order (the feed's cursor and a stream's event id). */
    long seq();

    /** The change in the API's shape ({@link EntityChange#toJson}) as compact UTF-8 JSON: one line. */
    byte[] json();

    /** The change itself. */
    EntityChange change();

    /**
     * The change's entity type ({@link EntityChange#entityType}), which a store keeping the change's text may read
     * without parsing the rest of it.
     */
    default String entityType() {
        return change().entityType();
    }

    /** A change already parsed: its JSON written when asked for. */
    static FeedChange of(EntityChange change) {
        return new Parsed(change);
    }

    /**
     * A change read parsed (OpenSearch's, tests'): its JSON is {@link EntityChange#toJson}, written here as the
     * server writes a body, UTF-8 through Jackson's byte generator (a character past U+FFFF as two escapes).
     */
    record Parsed(EntityChange change) implements FeedChange {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public long seq() {
            return change.seq();
        }

        @Override
        public byte[] json() {
            try {
                return JSON.writeValueAsBytes(change.toJson());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a change tree always serialises", e);
            }
        }
    }
}
