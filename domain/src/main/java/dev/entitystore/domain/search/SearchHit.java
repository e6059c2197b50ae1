package dev.entitystore.domain.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * One entity found: its {@code _id}, the record (the receiver's own copy), and its values for the sort,
 * tie-breaker last (pass them back as {@code searchAfter}).
 *
 * <p>A store that holds records as JSON text may hand the text over unparsed ({@link #ofStoredJson}): the
 * record is parsed when first asked for, and an answer that shows the record as it is can copy the text
 * instead ({@link #storedJson}), sparing a parse and a serialization per hit.
 */
public final class SearchHit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final List<Object> sortValues;
    private final byte[] storedJson;
    private ObjectNode source;

    public SearchHit(String id, ObjectNode source, List<Object> sortValues) {
        this(id, source, null, sortValues);
    }

    private SearchHit(String id, ObjectNode source, byte[] storedJson, List<Object> sortValues) {
        this.id = id;
        this.source = source;
        this.storedJson = storedJson;
        this.sortValues = sortValues;
    }

    /** A hit whose record is the JSON object {@code json} as the store holds it (UTF-8). */
    public static SearchHit ofStoredJson(String id, byte[] json, List<Object> sortValues) {
        return new SearchHit(id, null, json, sortValues);
    }

    public String id() {
        return id;
    }

    public List<Object> sortValues() {
        return sortValues;
    }

    /** The record, parsed on first use when the store gave its text. */
    public ObjectNode source() {
        if (source == null) {
            try {
                source = (ObjectNode) JSON.readTree(storedJson);
            } catch (IOException | ClassCastException e) {
                throw new UncheckedIOException("record " + id + " is not a stored JSON object",
                        e instanceof IOException io ? io : new IOException(e));
            }
        }
        return source;
    }

    /** The record's JSON text as the store holds it, when the store gave it and nothing changed the record since. */
    public Optional<byte[]> storedJson() {
        return storedJson == null || source != null ? Optional.empty() : Optional.of(storedJson);
    }

    @Override
    public String toString() {
        return "SearchHit[id=" + id + ", sortValues=" + sortValues + "]";
    }
}
