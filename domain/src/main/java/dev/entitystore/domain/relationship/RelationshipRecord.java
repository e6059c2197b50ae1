package dev.entitystore.domain.relationship;

/**
 * One relationship: its kind, the target EUID, when it was last written ({@code null} if unknown), by which
 * source ({@code null} if none), and when it was first written (the write that added it; {@code null} if
 * unknown).
 */
public record RelationshipRecord(String kind, String target, String timestamp, String source, String firstSeen) {
}
