package dev.entitystore.domain.write;

/**
 * A bulk item that was not applied, in the shape Elasticsearch's bulk API reports it and Kibana passes
 * on (the storage id, a status, the error type and reason), plus the item's position in the request and
 * its EUID, so that a user can tell which entity failed.
 */
public record BulkItemFailure(String docId, int status, String type, String reason, int index, String euid) {

    /** The item addressed an entity that is not stored. */
    public static BulkItemFailure documentMissing(String docId, int index, String euid) {
        return new BulkItemFailure(docId, 404, "document_missing_exception", "[" + docId + "]: document missing",
                index, euid);
    }
}
