package dev.entitystore.domain.error;

/** A bulk item named for a user: its position in the request, its EUID and its storage id. */
public record BulkItemRef(int index, String euid, String docId) {
}
