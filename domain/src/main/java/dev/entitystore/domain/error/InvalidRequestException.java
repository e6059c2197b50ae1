package dev.entitystore.domain.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The request is well-formed but cannot be served as asked (no derivable EUID, an id that does not
 * match the derived one, a bad setting...). When it concerns one item of a bulk request, the item's
 * position is kept so the answer can name it.
 */
public class InvalidRequestException extends EntityStoreException {
    private final Integer itemIndex;
    private final Map<String, Object> details;

    public InvalidRequestException(String message) {
        this(message, null);
    }

    public InvalidRequestException(String message, Integer itemIndex) {
        this(message, itemIndex, Map.of());
    }

    /**
     * @param details what would help the caller fix the request (e.g. the EUID the server derived and
     *                the fields it came from), kept beside Kibana's message, which stays as Kibana words it
     */
    public InvalidRequestException(String message, Integer itemIndex, Map<String, Object> details) {
        super(message);
        this.itemIndex = itemIndex;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public OptionalInt itemIndex() {
        return itemIndex == null ? OptionalInt.empty() : OptionalInt.of(itemIndex);
    }

    /** Details for the caller, in order; empty when there are none. */
    public Map<String, Object> details() {
        return details;
    }

    /** The same failure, attributed to a bulk item. */
    public InvalidRequestException atItem(int index) {
        return new InvalidRequestException(getMessage(), index, details);
    }
}
