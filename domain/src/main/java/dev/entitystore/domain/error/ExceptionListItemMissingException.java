package dev.entitystore.domain.error;

/** The exception-list item (or list) addressed does not exist (404 in the security solution's shape). */
public final class ExceptionListItemMissingException extends ExceptionListException {
    public ExceptionListItemMissingException(String message) {
        super(message);
    }
}
