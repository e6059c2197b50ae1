package dev.entitystore.domain.error;

/**
 * An exception-list write that conflicts (409 in the security solution's shape): an item id already taken,
 * or a {@code _version} that is no longer the stored one.
 */
public final class ExceptionListConflictException extends ExceptionListException {
    public ExceptionListConflictException(String message) {
        super(message);
    }
}
