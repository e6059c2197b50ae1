package dev.entitystore.domain.query;

import dev.entitystore.domain.error.InvalidRequestException;

/** A filter that cannot be parsed or is not supported; the message is the client's full 400 text. */
public final class InvalidQueryException extends InvalidRequestException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
