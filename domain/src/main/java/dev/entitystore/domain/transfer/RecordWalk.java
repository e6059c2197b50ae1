package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.query.KqlParser;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.StoredJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the records an export selects a page at a time, so memory stays constant however many there are:
 * all of a space in {@code _id} order from the store, or a filter's matches through the search index
 * ({@code entity.id} order, paged with {@code search_after}). Records are handed on as JSON bytes, which the
 * export's writers read by streaming instead of building trees.
 */
final class RecordWalk {
    static final int PAGE = 1000;

    interface StoredVisitor {
        void record(byte[] json) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityStore store;
    private final EntitySearch search;

    RecordWalk(EntityStore store, EntitySearch search) {
        this.store = store;
        this.search = search;
    }

    /** The query an export's filter and types make; parsed before anything is streamed, so a bad one is a 400. */
    static Query query(ExportRequest request) {
        List<Query> clauses = new ArrayList<>();
        if (request.filter() != null && !request.filter().isBlank()) {
            clauses.add(KqlParser.parse(request.filter()));
        }
        if (!request.entityTypes().isEmpty()) {
            clauses.add(new Query.Terms("entity.EngineMetadata.Type", request.entityTypes()));
        }
        return clauses.isEmpty() ? new Query.MatchAll() : Query.Bool.and(clauses);
    }

    /** Every record of the space as stored JSON, in {@code _id} order, never parsed. */
    void walkStored(String space, StoredVisitor visitor) throws IOException {
        String after = null;
        do {
            StoredJson page = store.scanJson(space, after, PAGE);
            for (StoredJson.Record record : page.records()) {
                visitor.record(record.json());
            }
            after = page.nextAfterId().orElse(null);
        } while (after != null);
    }

    /**
     * The records {@code request} selects as JSON bytes: as stored when it selects all of the space, else
     * each search hit written as the store writes it (compact Jackson output, the same bytes).
     */
    void walkJson(ExportRequest request, StoredVisitor visitor) throws IOException {
        if (request.selectsAll()) {
            walkStored(request.space(), visitor);
            return;
        }
        Query query = query(request);
        List<Object> after = null;
        while (true) {
            SearchResult result = search.search(new SearchRequest(request.space(), query,
                    new SearchSort("entity.id", false), after, 0, PAGE, false));
            for (SearchHit hit : result.hits()) {
                visitor.record(JSON.writeValueAsBytes(hit.source()));
            }
            if (result.hits().size() < PAGE) {
                return;
            }
            after = result.hits().get(result.hits().size() - 1).sortValues();
        }
    }
}
