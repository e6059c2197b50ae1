package dev.entitystore.domain.error;

/** A conditional write (If-Match, If-None-Match) found the entity in another state than the caller expected. */
public class VersionMismatchException extends EntityStoreException {
    public VersionMismatchException(String message) {
        super(message);
    }
}
