package dev.entitystore.domain.error;

import java.util.OptionalInt;

/**
 * The request is well-formed but cannot be served as asked (no derivable EUID, an id that does not
 * match the derived one, a bad setting...). When it concerns one item of a bulk request, the item's
 * position is kept so the answer can name it.
 */
public class InvalidRequestException extends EntityStoreException {
    private final Integer itemIndex;

    public InvalidRequestException(String message) {
        this(message, null);
    }

    public InvalidRequestException(String message, Integer itemIndex) {
        super(message);
        this.itemIndex = itemIndex;
    }

    public OptionalInt itemIndex() {
        return itemIndex == null ? OptionalInt.empty() : OptionalInt.of(itemIndex);
    }

    /** The same failure, attributed to a bulk item. */
    public InvalidRequestException atItem(int index) {
        return new InvalidRequestException(getMessage(), index);
    }
}
