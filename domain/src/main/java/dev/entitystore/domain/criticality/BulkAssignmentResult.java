package dev.entitystore.domain.criticality;

import java.util.List;

/**
 * What a bulk (or CSV) assignment did: Kibana's {@code errors} (message and 0-based index) and its
 * {@code stats}.
 */
public record BulkAssignmentResult(List<ItemError> errors, int successful, int failed, int total) {
    public BulkAssignmentResult {
        errors = List.copyOf(errors);
    }

    public record ItemError(String message, int index) {
    }
}
