package dev.entitystore.domain.resolution.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Which of a new group's records becomes the target: an identity provider's record before a local one (its
 * {@code entity.confidence} is {@code high}, or its {@code entity.namespace} is not {@code local}), then the
 * record seen first, then the smallest EUID, so that every run chooses the same one.
 */
final class TargetChoice {
    private static final Comparator<Map.Entry<String, ObjectNode>> PREFERENCE = Comparator
            .comparing((Map.Entry<String, ObjectNode> member) -> !highConfidence(member.getValue()))
            .thenComparing(member -> isLocal(member.getValue()))
            .thenComparing(member -> firstSeen(member.getValue()))
            .thenComparing(Map.Entry::getKey);

    private TargetChoice() {
    }

    /** The preferred EUID among {@code members} (EUID → record). */
    static Optional<String> among(Map<String, ObjectNode> members) {
        return members.entrySet().stream().min(PREFERENCE).map(Map.Entry::getKey);
    }

    private static boolean highConfidence(ObjectNode record) {
        return "high".equals(text(record, "confidence"));
    }

    private static boolean isLocal(ObjectNode record) {
        String namespace = text(record, "namespace");
        return namespace.isEmpty() || namespace.equals("local");
    }

    /** ISO-8601 times compare as text; a record without one comes last. */
    private static String firstSeen(ObjectNode record) {
        JsonNode lifecycle = record.path("entity").path("lifecycle").path("first_seen");
        if (lifecycle.isMissingNode()) {
            lifecycle = record.path("entity.lifecycle.first_seen");
        }
        return lifecycle.isTextual() ? lifecycle.textValue() : "\uffff";
    }

    private static String text(ObjectNode record, String entityField) {
        JsonNode value = record.path("entity").path(entityField);
        if (value.isMissingNode()) {
            value = record.path("entity." + entityField);
        }
        return value.isTextual() ? value.textValue() : "";
    }
}
