package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.TestJson;
import dev.entitystore.domain.store.contract.CreateMergeDeleteContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The port's contract on SQLite, plus what only the embedded store promises (its change sequence). */
class CreateMergeDeleteTest extends CreateMergeDeleteContract {
    @TempDir
    Path dataDir;

    @Override
    protected EntityStore openStore() {
        return SqliteEntityStore.open(dataDir);
    }

    private SqliteEntityStore sqlite() {
        return (SqliteEntityStore) store;
    }

    @Test
    void writes_that_change_nothing_leave_the_change_sequence_alone() {
        store.create("default", "a", obj("v", "first"));
        long seq = sqlite().lastSeqNo();

        store.create("default", "a", obj("v", "second"));
        store.merge("default", "missing", updateField("x", 1));
        store.merge("default", "a", current -> MergeDecision.noop());

        assertThat(sqlite().lastSeqNo()).isEqualTo(seq);
        assertThat(sqlite().changesSince(seq, 10).changes()).isEmpty();
    }

    @Test
    void a_record_created_again_after_delete_starts_at_version_one() {
        store.create("default", "a", obj("v", 1));
        store.merge("default", "a", updateField("v", 2));
        store.delete("default", "a");

        store.create("default", "a", obj("v", 3));

        assertThat(store.get("default", "a").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void fields_of_mixed_types_survive_the_round_trip() {
        var source = TestJson.parse("""
                {"a":[1,"two",{"three":3}],"n":{"x":1}}""");

        store.create("default", "a", source.deepCopy());
        store.create("default", "b", TestJson.parse("{\"n\":\"now a string\",\"a\":5}"));

        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(source);
        assertThat(store.get("default", "b").orElseThrow().source().path("n").asText()).isEqualTo("now a string");
    }
}
