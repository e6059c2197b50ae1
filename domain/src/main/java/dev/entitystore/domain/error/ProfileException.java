package dev.entitystore.domain.error;

/**
 * A failure of the user-profile API, which answers in Elasticsearch's dialect: besides the text, each
 * carries Elasticsearch's error {@link #type()} (clients of that API switch on it) and, when it concerns a
 * stored profile document, that document's id ({@code profile_<uid>}).
 */
public abstract class ProfileException extends EntityStoreException {
    private final String type;
    private final String documentId;

    protected ProfileException(String type, String message, String documentId) {
        super(message);
        this.type = type;
        this.documentId = documentId;
    }

    /** Elasticsearch's error type, e.g. {@code action_request_validation_exception}. */
    public String type() {
        return type;
    }

    /** The profile document concerned ({@code profile_<uid>}), or null. */
    public String documentId() {
        return documentId;
    }
}
