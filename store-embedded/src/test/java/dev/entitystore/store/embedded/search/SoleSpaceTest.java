package dev.entitystore.store.embedded.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.domain.store.CommittedChange;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search leaves out the space clause while the index holds one space only ({@link FieldCatalog#holdsOnly}):
 * the answers stay those of one space as other spaces come and go.
 */
class SoleSpaceTest {
    @TempDir
    Path dir;
    LuceneEntityIndex index;
    LuceneEntitySearch search;
    RecordsInMemory records = new RecordsInMemory();
    long seq;

    @BeforeEach
    void open() {
        index = LuceneEntityIndex.open(dir.resolve("index"));
        search = new LuceneEntitySearch(index, records, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void oneSpaceIsSearchedWithoutItsClauseAndAnotherFindsNothing() throws Exception {
        apply(upsert("default", "a", "2024-01-01T00:00:00Z"), upsert("default", "b", "2024-01-02T00:00:00Z"));

        assertThat(catalog().holdsOnly("default")).isTrue();
        assertThat(catalog().holdsOnly("other")).isFalse();
        assertThat(ids("default")).containsExactly("b", "a");
        assertThat(count("default")).isEqualTo(2);
        assertThat(ids("other")).isEmpty();
        assertThat(count("other")).isZero();
    }

    @Test
    void aSecondSpaceBringsTheClauseBackUntilItsTermIsGone() throws Exception {
        apply(upsert("default", "a", "2024-01-01T00:00:00Z"));
        apply(upsert("other", "o", "2024-01-03T00:00:00Z"));

        assertThat(catalog().holdsOnly("default")).isFalse();
        assertThat(ids("default")).containsExactly("a");
        assertThat(ids("other")).containsExactly("o");

        // The deleted space's term stays in its segment while the documents are only marked deleted.
        apply(CommittedChange.spaceDeleted(++seq, "other"));
        assertThat(ids("other")).isEmpty();
        assertThat(ids("default")).containsExactly("a");
        assertThat(count("default")).isEqualTo(1);
    }

    private CommittedChange upsert(String space, String id, String timestamp) {
        return CommittedChange.upsert(++seq, space, id, "{\"@timestamp\":\"" + timestamp + "\",\"entity\":{\"id\":\"" + id + "\"}}");
    }

    private void apply(CommittedChange... changes) throws Exception {
        List<CommittedChange> list = List.of(changes);
        index.apply(list, seq);
        records.apply(list);
        index.refresh();
    }

    private FieldCatalog catalog() throws Exception {
        return index.withSearcher((searcher, fields, counter) -> fields);
    }

    private List<String> ids(String space) {
        return result(space).hits().stream().map(SearchHit::id).toList();
    }

    private long count(String space) {
        return result(space).total();
    }

    private SearchResult result(String space) {
        return search.search(new SearchRequest(space, new Query.MatchAll(), SearchSort.newestFirst(), null, 0, 10, true));
    }
}
