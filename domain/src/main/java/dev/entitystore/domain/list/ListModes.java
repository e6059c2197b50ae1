package dev.entitystore.domain.list;

import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * Kibana's mode selection and its refinements: page mode when any of {@code page},
 * {@code per_page}, {@code sort_field}, {@code sort_order}, {@code filterQuery} or a non-empty
 * {@code entity_types} is present, else cursor mode; mixing them is refused with every reason at once.
 */
final class ListModes {
    private static final String TYPES = "\"user\"|\"host\"|\"service\"|\"generic\"";

    private ListModes() {
    }

    static boolean isPageMode(ListParameters p) {
        return p.page() != null || p.perPage() != null || p.sortField() != null || p.sortOrder() != null
                || p.filterQuery() != null || (p.entityTypes() != null && !p.entityTypes().isEmpty());
    }

    /** @throws InvalidRequestException {@code [request query]: ...} naming each problem */
    static void validate(ListParameters p) {
        List<String> issues = new ArrayList<>();
        if (p.entityTypes() != null) {
            for (int i = 0; i < p.entityTypes().size(); i++) {
                if (EntityType.fromWireName(p.entityTypes().get(i)).isEmpty()) {
                    issues.add("entity_types." + i + ": Invalid option: expected one of " + TYPES);
                }
            }
        }
        if (p.sortOrder() != null && !p.sortOrder().equals("asc") && !p.sortOrder().equals("desc")) {
            issues.add("sort_order: Invalid option: expected one of \"asc\"|\"desc\"");
        }
        boolean pagination = p.page() != null || p.perPage() != null;
        if (pagination && p.searchAfter() != null) {
            issues.add("Cannot combine page/per_page with searchAfter");
        }
        if (pagination && p.size() != null) {
            issues.add("Cannot combine page/per_page with size; use per_page for page mode");
        }
        if (p.filter() != null && isPageMode(p)) {
            issues.add("Cannot combine KQL `filter` with page search parameters (entity_types, filterQuery, page, per_page, sort_field, sort_order)");
        }
        if (!issues.isEmpty()) {
            throw new InvalidRequestException("[request query]: " + String.join(", ", issues));
        }
    }
}
