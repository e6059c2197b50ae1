package dev.entitystore.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.document.Unflattener;
import dev.entitystore.domain.entity.EntitySchema;
import dev.entitystore.domain.entity.EntitySchema.Issue;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * The route-level schema check of entity bodies, in Kibana's order: each body is unflattened, then
 * validated against the strict {@link EntitySchema}; failures read {@code [request body]: <issues>} with
 * at most five issues, then {@code and N more}. It runs before the installed check and before
 * any planner, so for a bulk request every item is checked before any item is planned.
 */
public final class RequestBodyValidator {
    static final int MAX_ISSUES = 5;

    private final EntitySchema schema;

    public RequestBodyValidator() {
        this(EntitySchema.standard());
    }

    public RequestBodyValidator(EntitySchema schema) {
        this.schema = schema;
    }

    /** A single create/update/upsert body for the route's type. */
    public void validate(EntityType routeType, ObjectNode body) {
        List<Issue> issues = schema.issues(Unflattener.nestedView(body), routeType);
        if (!issues.isEmpty()) {
            throw new InvalidRequestException(message("", issues));
        }
    }

    /**
     * Every item of a bulk body, whose items hold their document under {@code itemKey} ({@code doc} in v2,
     * {@code record} in v1). The first invalid item fails the request with its position.
     */
    public void validateBulk(List<BulkItem> items, String itemKey) {
        for (int i = 0; i < items.size(); i++) {
            BulkItem item = items.get(i);
            List<Issue> issues = schema.issues(Unflattener.nestedView(item.doc()), item.type());
            if (!issues.isEmpty()) {
                throw new InvalidRequestException(message("entities." + i + "." + itemKey, issues), i);
            }
        }
    }

    static String message(String prefix, List<Issue> issues) {
        List<String> parts = new ArrayList<>();
        for (Issue issue : issues.subList(0, Math.min(MAX_ISSUES, issues.size()))) {
            String path = prefix.isEmpty() ? issue.path()
                    : issue.path().isEmpty() ? prefix : prefix + "." + issue.path();
            parts.add(path.isEmpty() ? issue.message() : path + ": " + issue.message());
        }
        if (issues.size() > MAX_ISSUES) {
            parts.add("and " + (issues.size() - MAX_ISSUES) + " more");
        }
        return "[request body]: " + String.join(", ", parts);
    }
}
