package dev.entitystore.domain.error;

/**
 * More writes are waiting than the store takes in before answering: this one was refused before any of
 * it was applied, and may be sent again after {@link #retryAfterSeconds()}. Refusing early keeps every
 * accepted write's wait short, instead of letting a queue grow until answers take seconds.
 */
public class StoreBusyException extends EntityStoreException {
    private final int retryAfterSeconds;

    public StoreBusyException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
