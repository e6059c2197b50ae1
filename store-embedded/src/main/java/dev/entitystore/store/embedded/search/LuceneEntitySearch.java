package dev.entitystore.store.embedded.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Set;
import org.apache.lucene.document.Document;
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

/** {@link EntitySearch} on the embedded Lucene index: compile, search one space, read the stored records. */
public final class LuceneEntitySearch implements EntitySearch {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STORED = Set.of(IndexFields.ID, IndexFields.SOURCE);

    private final LuceneEntityIndex index;
    private final Clock clock;

    public LuceneEntitySearch(LuceneEntityIndex index, Clock clock) {
        this.index = index;
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
        org.apache.lucene.search.Query filter = new LuceneQueryCompiler(fields, clock.millis()).compile(request.query());
        org.apache.lucene.search.Query query = new BooleanQuery.Builder()
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
        List<SearchHit> hits = new ArrayList<>(Math.max(0, docs.length - request.from()));
        StoredFields stored = searcher.storedFields();
        for (int i = request.from(); i < docs.length; i++) {
            Document doc = stored.document(docs[i].doc, STORED);
            ObjectNode source = (ObjectNode) JSON.readTree(doc.getBinaryValue(IndexFields.SOURCE).bytes);
            hits.add(new SearchHit(doc.get(IndexFields.ID), source, sorts.wireValues((FieldDoc) docs[i])));
        }
        return new SearchResult(hits, total);
    }
}
