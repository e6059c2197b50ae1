package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.QueryTooComplexException;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** {@link EntitySearch} on the embedded Lucene index: compile, search one space, read the records from the store. */
public final class LuceneEntitySearch implements EntitySearch {
    private static final Set<String> STORED = Set.of(IndexFields.ID);

    private final LuceneEntityIndex index;
    private final RecordLookup records;
    private final Clock clock;

    LuceneEntitySearch(LuceneEntityIndex index, RecordLookup records, Clock clock) {
        this.index = index;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        try {
            return index.withSearcher((searcher, fields, counter) -> search(searcher, fields, counter, request));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryTooComplexException("the query has more than " + IndexSearcher.getMaxClauseCount()
                    + " clauses once fields are resolved; use a terms query for long lists of values");
        } catch (TooComplexToDeterminizeException e) {
            throw new QueryTooComplexException("a wildcard pattern is too complex to run");
        } catch (IOException e) {
            throw new StoreUnavailableException("The search index could not be read: " + e.getMessage(), e);
        }
    }

    private SearchResult search(IndexSearcher searcher, FieldCatalog fields, LuceneEntityIndex.Counter counter,
                                SearchRequest request) throws IOException {
        org.apache.lucene.search.Query filter = new LuceneQueryCompiler(fields, clock.millis(), request.space()).compile(request.query());
        org.apache.lucene.search.Query query = fields.holdsOnly(request.space()) ? filter : new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.SPACE, request.space())), BooleanClause.Occur.FILTER)
                .add(filter, BooleanClause.Occur.FILTER)
                .build();
        LuceneSorts sorts = LuceneSorts.of(request.sort(), fields);
        long total = request.countTotal() ? counter.count(query) : -1;
        int wanted = request.from() + request.size();
        int maxDoc = searcher.getIndexReader().maxDoc();
        if (request.size() == 0 || maxDoc == 0) {
            if (request.searchAfter() != null) {
                sorts.after(request.searchAfter(), 0); // still refuse values that do not fit the sort
            }
            return new SearchResult(List.of(), total);
        }
        TopDocs top = request.searchAfter() == null
                ? searcher.search(query, wanted, sorts.sort())
                : searcher.searchAfter(sorts.after(request.searchAfter(), maxDoc - 1), query, wanted, sorts.sort());
        ScoreDoc[] docs = top.scoreDocs;
        int first = Math.min(request.from(), docs.length);
        List<String> ids = new ArrayList<>(docs.length - first);
        StoredFields stored = searcher.storedFields();
        for (int i = first; i < docs.length; i++) {
            ids.add(stored.document(docs[i].doc, STORED).get(IndexFields.ID));
        }
        // The store may hold a newer state than this searcher (a write committed, its answer not yet
        // given): the hit shows that state. A record deleted since is left out.
        // Handed over as stored: a hit is parsed only if the answer looks into it.
        Map<String, byte[]> current = records.storedJson(request.space(), ids);
        List<SearchHit> hits = new ArrayList<>(ids.size());
        for (int i = first; i < docs.length; i++) {
            String id = ids.get(i - first);
            byte[] json = current.get(id);
            if (json != null) {
                hits.add(SearchHit.ofStoredJson(id, json, sorts.wireValues((FieldDoc) docs[i])));
            }
        }
        return new SearchResult(hits, total);
    }
}
