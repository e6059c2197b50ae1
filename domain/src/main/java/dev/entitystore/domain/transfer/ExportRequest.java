package dev.entitystore.domain.transfer;

import java.util.List;

/**
 * What to export: a space's records in a format, optionally those a KQL {@code filter} and the
 * {@code entityTypes} select, optionally only some {@code fields}.
 */
public record ExportRequest(String space, TransferFormat format, String filter, List<String> entityTypes,
                            List<String> fields) {
    public ExportRequest {
        entityTypes = entityTypes == null ? List.of() : List.copyOf(entityTypes);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    boolean selectsAll() {
        return (filter == null || filter.isBlank()) && entityTypes.isEmpty();
    }
}
