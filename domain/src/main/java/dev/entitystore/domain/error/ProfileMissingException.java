package dev.entitystore.domain.error;

/** The profile to change does not exist: Elasticsearch's {@code document_missing_exception}. */
public final class ProfileMissingException extends ProfileException {
    public ProfileMissingException(String documentId) {
        super("document_missing_exception", "[" + documentId + "]: document missing", documentId);
    }
}
