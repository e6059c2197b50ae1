package dev.entitystore.domain.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What a list request answers, in one of the two modes. */
public sealed interface ListAnswer {
    /**
     * Cursor mode.
     *
     * @param entities        the records (source-filtered); a record answered as stored is a raw-text node
     * @param nextSearchAfter the last entity's sort values, or {@code null} when there was none
     * @param fields          per entity, the asked fields' values as arrays; {@code null} when not asked
     */
    record Cursor(List<JsonNode> entities, List<Object> nextSearchAfter, List<ObjectNode> fields) implements ListAnswer {}

    /**
     * Page mode.
     *
     * @param records the records, post-processed as Kibana does
     * @param total   how many match in all
     * @param inspect the query we ran and the answer, as Kibana's inspect strings
     */
    record Page(List<ObjectNode> records, long total, long page, int perPage, Inspect inspect) implements ListAnswer {}

    /**
     * Kibana's {@code inspect}: the request and the response, each pretty-printed JSON text as a JSON string
     * (raw value nodes holding the string literal, see {@code InspectLiteral}).
     */
    record Inspect(List<JsonNode> dsl, List<JsonNode> response) {}
}
