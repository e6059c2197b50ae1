package dev.entitystore.domain.error;

/** The user named by an activation grant could not be authenticated (Elasticsearch's {@code security_exception}). */
public final class ProfileGrantException extends ProfileException {
    public ProfileGrantException(String message) {
        super("security_exception", message, null);
    }
}
