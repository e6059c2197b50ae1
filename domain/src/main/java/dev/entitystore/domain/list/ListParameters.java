package dev.entitystore.domain.list;

import java.util.List;

/**
 * The list route's query parameters as sent (absent ones are {@code null}); which mode they select and
 * whether they may be combined is {@link ListModes}'s to say.
 *
 * @param filter      cursor mode: KQL
 * @param size        cursor mode: page size
 * @param searchAfter cursor mode: JSON-encoded sort values of the previous page's last entity
 * @param source      cursor mode: {@code _source} include paths (comma lists are split)
 * @param fields      cursor mode: fields to return per entity (comma lists are split)
 * @param page        page mode: 1-based page
 * @param perPage     page mode: page size
 * @param sortField   page mode: field to sort on
 * @param sortOrder   page mode: {@code asc} or {@code desc}
 * @param filterQuery page mode: query DSL as JSON text
 * @param entityTypes page mode: entity types (comma lists are split)
 */
public record ListParameters(String filter, Long size, String searchAfter, List<String> source, List<String> fields,
                             Long page, Integer perPage, String sortField, String sortOrder, String filterQuery,
                             List<String> entityTypes) {
    public ListParameters {
        source = split(source);
        fields = split(fields);
        entityTypes = split(entityTypes);
    }

    /** Repeated parameters and comma-separated values alike; absent (null or none) stays {@code null}. */
    private static List<String> split(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .toList();
    }
}
