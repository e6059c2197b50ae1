package dev.entitystore.domain.profile;

import dev.entitystore.domain.error.ProfileRequestException;

/**
 * Elasticsearch's {@code refresh} of a profile write: when it becomes visible to searches. Reads by uid
 * see a write the moment it is answered whatever this says; the OpenSearch backend passes it on.
 */
public enum ProfileRefresh {
    TRUE, FALSE, WAIT_FOR;

    /** {@code true}, {@code false}, {@code wait_for}, empty (= true); absent is {@code wait_for}, the profile API's default. */
    public static ProfileRefresh parse(String value) {
        if (value == null) {
            return WAIT_FOR;
        }
        return switch (value) {
            case "", "true" -> TRUE;
            case "false" -> FALSE;
            case "wait_for" -> WAIT_FOR;
            default -> throw new ProfileRequestException(ProfileRequestException.ILLEGAL_ARGUMENT,
                    "Unknown value for refresh: [" + value + "].");
        };
    }
}
