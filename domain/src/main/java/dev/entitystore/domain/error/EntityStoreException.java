package dev.entitystore.domain.error;

/**
 * Root of the domain's own failures. The domain never speaks HTTP: each subclass names a situation,
 * and the server maps classes to status codes in one table. The message is the client-facing text,
 * exactly as Kibana words it.
 */
public abstract class EntityStoreException extends RuntimeException {
    protected EntityStoreException(String message) {
        super(message);
    }

    protected EntityStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
