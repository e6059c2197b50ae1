package dev.entitystore.domain.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One entity found.
 *
 * @param id         its {@code _id}
 * @param source     the record as stored (the receiver's own copy)
 * @param sortValues its values for the sort, tie-breaker last: pass them back as {@code searchAfter}
 */
public record SearchHit(String id, ObjectNode source, List<Object> sortValues) {
}
