package dev.entitystore.store.embedded.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.store.CommittedChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terms-read sort orders exactly as the doc-values sort does, on a path that has both ({@code host.name}):
 * multi-valued and missing values, several segments, deletions, whole result and page-by-page with searchAfter.
 */
class TermsSortSourceTest {
    @TempDir
    static Path dir;
    static LuceneEntityIndex index;

    @BeforeAll
    static void fill() throws Exception {
        index = LuceneEntityIndex.open(dir.resolve("index"));
        Random random = new Random(11);
        long seq = 0;
        for (int segment = 0; segment < 6; segment++) {
            List<CommittedChange> changes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "e" + random.nextInt(150); // rewrites and so deletions across segments
                changes.add(CommittedChange.upsert(++seq, "default", id, record(random)));
            }
            index.apply(changes, seq);
            index.refresh();
        }
    }

    private static String record(Random random) {
        int shape = random.nextInt(4);
        String names = switch (shape) {
            case 0 -> ""; // missing
            case 1 -> ",\"host\":{\"name\":\"n" + random.nextInt(30) + "\"}";
            default -> ",\"host\":{\"name\":[\"n" + random.nextInt(30) + "\",\"n" + random.nextInt(30) + "\",\"m" + random.nextInt(9) + "\"]}";
        };
        return "{\"@timestamp\":\"2024-06-15T10:00:00.000Z\"" + names + "}";
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void orders_as_the_doc_values_sort_does(boolean reverse) throws Exception {
        SortedSetSortField docValues = new SortedSetSortField("host.name", reverse,
                reverse ? SortedSetSelector.Type.MAX : SortedSetSelector.Type.MIN);
        docValues.setMissingValue(reverse ? SortField.STRING_FIRST : SortField.STRING_LAST);
        SortField terms = new SortField("host.name", new TermsSortSource(), reverse);
        SortField tieBreaker = new SortField(IndexFields.SEQ, SortField.Type.LONG, reverse);
        Sort expected = new Sort(docValues, tieBreaker);
        Sort actual = new Sort(terms, tieBreaker);
        index.withSearcher((searcher, fields, counter) -> {
            assertThat(searcher.getIndexReader().leaves()).hasSizeGreaterThan(1);
            List<Integer> all = docs(searcher.search(new MatchAllDocsQuery(), 1000, expected));
            assertThat(all).hasSizeGreaterThan(100);
            assertThat(docs(searcher.search(new MatchAllDocsQuery(), 1000, actual))).isEqualTo(all);
            assertThat(walk(searcher, actual, 7)).isEqualTo(all);
            return null;
        });
    }

    private static List<Integer> walk(IndexSearcher searcher, Sort sort, int size) throws java.io.IOException {
        List<Integer> visited = new ArrayList<>();
        FieldDoc after = null;
        while (true) {
            TopDocs page = after == null
                    ? searcher.search(new MatchAllDocsQuery(), size, sort)
                    : searcher.searchAfter(after, new MatchAllDocsQuery(), size, sort);
            if (page.scoreDocs.length == 0) {
                return visited;
            }
            visited.addAll(docs(page));
            FieldDoc last = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
            after = new FieldDoc(searcher.getIndexReader().maxDoc() - 1, Float.NaN, last.fields);
        }
    }

    private static List<Integer> docs(TopDocs top) {
        List<Integer> docs = new ArrayList<>();
        for (ScoreDoc doc : top.scoreDocs) {
            docs.add(doc.doc);
        }
        return docs;
    }
}
