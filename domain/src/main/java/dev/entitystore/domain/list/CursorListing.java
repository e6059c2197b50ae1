package dev.entitystore.domain.list;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.query.InvalidQueryException;
import dev.entitystore.domain.search.QueryTooComplexException;
import dev.entitystore.domain.query.KqlParser;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.domain.search.SearchSort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cursor mode: a KQL filter, newest first, {@code size} entities after {@code searchAfter}.
 * The tie-breaker is the seqNo of the entity's last write (not a position in the index, which merges and
 * updates shift), so paging visits every entity once even when timestamps are equal and writes happen
 * between pages; an entity written during the walk moves to the front and is not visited again.
 */
final class CursorListing {
    static final int DEFAULT_SIZE = 10;
    /** AI summaries are never listed (Kibana's {@code _source_excludes}). */
    static final List<String> EXCLUDES = List.of("entity.attributes.summary");
    /** The last name of the excluded path: a record whose text lacks it is answered as stored. */
    private static final String EXCLUDED_KEY = "summary";
    private static final String BAD_SEARCH_AFTER = "Bad request: Invalid searchAfter: must be a valid JSON-encoded value";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntitySearch search;

    CursorListing(EntitySearch search) {
        this.search = search;
    }

    ListAnswer.Cursor list(String space, ListParameters p, boolean installed) {
        Query query = p.filter() == null || p.filter().isEmpty() ? new Query.MatchAll() : KqlParser.parse(p.filter());
        List<Object> after = p.searchAfter() == null ? null : searchAfter(p.searchAfter());
        // Kibana's schema takes sizes up to 2^53 - 1; no answer can hold more than an int's worth.
        int size = p.size() == null ? DEFAULT_SIZE : (int) Math.min(p.size(), Integer.MAX_VALUE);
        SearchResult result = installed
                ? search(new SearchRequest(space, query, SearchSort.newestFirst(), after, 0, size, false))
                : SearchResult.empty();
        List<JsonNode> entities = new ArrayList<>(result.hits().size());
        List<ObjectNode> fields = p.fields() == null ? null : new ArrayList<>(result.hits().size());
        boolean whole = p.source() == null && p.fields() == null;
        for (SearchHit hit : result.hits()) {
            Optional<byte[]> stored = whole ? hit.storedJson() : Optional.empty();
            if (stored.isPresent() && StoredText.lacksKey(stored.get(), EXCLUDED_KEY)) {
                entities.add(StoredText.raw(stored.get()));
                continue;
            }
            entities.add(SourceFilter.filter(hit.source(), p.source() == null ? List.of() : p.source(), EXCLUDES));
            if (fields != null) {
                fields.add(FieldValues.of(hit.source(), p.fields()));
            }
        }
        List<Object> next = result.hits().isEmpty() ? null : result.hits().get(result.hits().size() - 1).sortValues();
        return new ListAnswer.Cursor(entities, next, fields);
    }

    /** Kibana JSON-parses the parameter and hands it to the search: an array of sort values. */
    private static List<Object> searchAfter(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(BAD_SEARCH_AFTER);
        }
        if (node == null || !node.isArray()) {
            throw new InvalidRequestException(BAD_SEARCH_AFTER);
        }
        List<Object> values = new ArrayList<>(node.size());
        for (JsonNode value : node) {
            if (value.isIntegralNumber()) {
                values.add(value.asLong());
            } else if (value.isNumber()) {
                values.add(value.asDouble());
            } else if (value.isTextual()) {
                values.add(value.asText());
            } else if (value.isNull()) {
                values.add(null);
            } else {
                throw new InvalidRequestException(BAD_SEARCH_AFTER);
            }
        }
        return values;
    }

    private SearchResult search(SearchRequest request) {
        try {
            return search.search(request);
        } catch (QueryTooComplexException e) {
            throw new InvalidQueryException("Invalid filter: " + e.getMessage());
        }
    }
}
