package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.HistoryPage;
import dev.entitystore.domain.history.HistoryQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SqliteHistoryChain}: a record's history read by one recursive walk per page, filters applied in
 * SQL (cursor, time) and on the stored bytes before parsing ({@code fields}), checked against the whole
 * history filtered in Java by {@link HistoryQuery#matches}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one history of 300 versions, read by every test
class HistoryChainTest {
    /** The store under test; the compressed variant overrides it. */
    SqliteEntityStore open(Path dir) {
        return SqliteEntityStore.open(dir);
    }

    private static final int VERSIONS = 300;
    private static final int SPARSE_VERSIONS = 400;
    /** A key with a character JSON escapes. */
    private static final String ESCAPED = "we\"ird";

    @TempDir
    static Path dataDir; // static: a PER_CLASS instance field is not injected before @BeforeAll
    private SqliteEntityStore store;
    private List<EntityChange> all;
    /** Record w's history: a few changes touch {@link #ESCAPED} or {@code tab\there} among hundreds that do not. */
    private List<EntityChange> sparse;

    @BeforeAll
    void writeHistory() {
        store = open(dataDir);
        store.create("default", "other", obj("a", Map.of("b", 0)));
        store.create("default", "r", obj("a", Map.of("b", 0, "bc", 0), "note", "x"));
        for (int v = 1; v < VERSIONS; v++) {
            switch (v % 10) {
                case 0 -> store.merge("default", "r", updateField("a", Map.of("b", v, "bc", 0)));
                case 3 -> store.merge("default", "r", updateField("a", Map.of("b", 0, "bc", v)));
                case 5 -> store.merge("default", "r", updateField("note", "a.b")); // the path's text as a value
                case 6 -> store.merge("default", "r", updateField("note", "x" + v));
                case 7 -> store.merge("default", "r", updateField("a", Map.of("b", Map.of("c", v), "bc", 0)));
                default -> store.merge("default", "r", updateField("n", v));
            }
            if (v % 50 == 0) {
                store.merge("default", "other", updateField("a", Map.of("b", v))); // another record's changes between
            }
        }
        all = store.changes("default", "r", HistoryQuery.newest(1_000)).changes();
        store.create("default", "w", obj("n", 0));
        for (int v = 1; v <= SPARSE_VERSIONS; v++) {
            if (v % 97 == 0) {
                store.merge("default", "w", updateField(ESCAPED, Map.of("k", v)));
            } else if (v % 89 == 0) {
                store.merge("default", "w", updateField("tab\there", v));
            } else if (v % 50 == 0) {
                store.merge("default", "w", updateField("note", ESCAPED + " and a.b.c")); // the paths only as a value
            } else {
                store.merge("default", "w", updateField("n", v));
            }
        }
        sparse = store.changes("default", "w", HistoryQuery.newest(1_000)).changes();
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void every_version_newest_first_in_one_page_or_in_pages_through_the_cursor() {
        assertThat(all).hasSize(VERSIONS);
        assertThat(all).extracting(EntityChange::version).isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .startsWith((long) VERSIONS).endsWith(1L);
        assertThat(walk(HistoryQuery.newest(7))).isEqualTo(seqs(all));
        assertThat(store.changes("default", "r", HistoryQuery.newest(VERSIONS)).next()).isPresent();
        assertThat(store.changes("default", "r", HistoryQuery.newest(VERSIONS + 1)).next()).isEmpty();
    }

    @Test
    void a_fields_filter_answers_exactly_the_changes_touching_the_paths_though_their_text_appears_elsewhere() {
        for (List<String> fields : List.of(List.of("a.b"), List.of("a"), List.of("a.bc"), List.of("note"),
                List.of("a.b.c", "n"), List.of("a.b."), List.of("q\"x"), List.of("nothing"))) {
            HistoryQuery query = new HistoryQuery(null, 7, null, null, fields);
            List<Long> expected = seqs(all.stream().filter(query::matches).toList());
            assertThat(walk(query)).as("fields %s", fields).isEqualTo(expected);
        }
        assertThat(walk(new HistoryQuery(null, 7, null, null, List.of("a.b")))).as("touches a.b, not a.bc")
                .hasSize(all.stream().filter(c -> c.fields().has("a.b") || c.fields().has("a.b.c")).toList().size());
    }

    @Test
    void a_fields_filter_that_screens_out_most_changes_in_sql_answers_exactly_those_touching_the_paths() {
        for (List<String> fields : List.of(List.of(ESCAPED), List.of(ESCAPED + ".k"), List.of("tab\there"),
                List.of(ESCAPED, "tab\there"), List.of("a.b.c"), List.of("note"),
                List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "tab\there", ESCAPED))) {
            for (int size : new int[] {1, 2, 100}) {
                HistoryQuery query = new HistoryQuery(null, size, null, null, fields);
                List<Long> expected = seqs(sparse.stream().filter(query::matches).toList());
                assertThat(walk("w", query)).as("fields %s, pages of %d", fields, size).isEqualTo(expected);
            }
        }
        assertThat(walk("w", new HistoryQuery(null, 2, null, null, List.of(ESCAPED)))).as("v 97, 194, 291, 388").hasSize(4);
        assertThat(walk("w", new HistoryQuery(null, 2, null, null, List.of("a.b.c")))).as("only a value").isEmpty();
        assertThat(walk("w", new HistoryQuery(null, 5, null, null, List.of("n")))).as("every other change")
                .hasSize(sparse.size() - 4 - 4 - 8);
    }

    @Test
    void from_and_to_windows_are_cut_in_the_walk() {
        long newer = all.get(40).timeMillis();
        long older = all.get(220).timeMillis();
        for (HistoryQuery query : List.of(new HistoryQuery(null, 7, older, newer, List.of()),
                new HistoryQuery(null, 7, null, older, List.of()), new HistoryQuery(null, 7, newer, null, List.of()),
                new HistoryQuery(null, 7, older, newer, List.of("a.b")), new HistoryQuery(null, 1, null, all.get(299).timeMillis(), List.of()))) {
            List<Long> expected = seqs(all.stream().filter(query::matches).toList());
            assertThat(walk(query)).as("%s", query).isEqualTo(expected).isNotEmpty();
        }
    }

    /** Every page of {@code query} over record r, cursor after cursor. */
    private List<Long> walk(HistoryQuery query) {
        return walk("r", query);
    }

    /** Every page of {@code query} over record {@code id}, cursor after cursor. */
    private List<Long> walk(String id, HistoryQuery query) {
        List<Long> seqs = new ArrayList<>();
        HistoryQuery next = query;
        for (int pages = 0; pages < 1_000; pages++) {
            HistoryPage page = store.changes("default", id, next);
            assertThat(page.changes().size()).isLessThanOrEqualTo(query.size());
            seqs.addAll(seqs(page.changes()));
            if (page.next().isEmpty()) {
                return seqs;
            }
            next = query.before(page.next().get(), query.size());
        }
        throw new AssertionError("the walk did not end");
    }

    private static List<Long> seqs(List<EntityChange> changes) {
        return changes.stream().map(EntityChange::seq).toList();
    }
}
