package dev.entitystore.domain.error;

/** The storage backend failed or went away; nothing of the failed operation was applied. */
public class StoreUnavailableException extends EntityStoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
