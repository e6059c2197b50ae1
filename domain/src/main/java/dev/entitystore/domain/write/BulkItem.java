package dev.entitystore.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import java.util.Objects;

/** One item of a bulk request: v2's {@code {type, doc}} or v1's {@code {type, record}}. */
public record BulkItem(EntityType type, ObjectNode doc) {
    public BulkItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(doc, "doc");
    }
}
