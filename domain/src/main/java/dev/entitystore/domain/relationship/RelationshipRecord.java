package dev.entitystore.domain.relationship;

/**
 * One relationship: its kind, the target EUID, when it was written ({@code null} if unknown) and by which
 * source ({@code null} if none).
 */
public record RelationshipRecord(String kind, String target, String timestamp, String source) {
}
