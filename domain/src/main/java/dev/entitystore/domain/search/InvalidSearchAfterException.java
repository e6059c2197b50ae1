package dev.entitystore.domain.search;

import dev.entitystore.domain.error.InvalidRequestException;

/** {@code searchAfter} values that do not fit the sort (wrong count or types). */
public final class InvalidSearchAfterException extends InvalidRequestException {
    public InvalidSearchAfterException(String message) {
        super(message);
    }
}
