package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.HistoryQuery;
import dev.entitystore.domain.store.BulkOperation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store trains its dictionary from its own rows once it has grown, and every row reads back either way. */
class TextDictionaryTrainingTest extends StoreTestSupport {

    @Test
    void a_store_that_grows_past_the_first_mark_compresses_what_it_writes_from_then_on() throws Exception {
        openStore();
        int plainRecords = (int) TextDictionaryTraining.FIRST_AT;
        List<BulkOperation> creates = new ArrayList<>();
        for (int i = 0; i < plainRecords; i++) {
            creates.add(BulkOperation.create("r" + i, record(i)));
        }
        store.bulk("default", creates);
        long deadline = System.nanoTime() + 60_000_000_000L;
        long trained = TextDictionaryTraining.FIRST_AT * TextDictionaryTraining.GROWTH; // the next mark once one is kept
        while (store.textTraining().nextAt() < trained && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(store.textTraining().nextAt()).as("a dictionary was trained and kept").isEqualTo(trained);

        store.create("default", "after", record(-1));
        store.merge("default", "r0", updateField("host", Map.of("name", "renamed")));

        assertThat(typeOf("entities", "source", "id = 'r1'")).isEqualTo("text");
        assertThat(typeOf("entities", "source", "id = 'after'")).isEqualTo("blob");
        assertThat(typeOf("entities", "source", "id = 'r0'")).isEqualTo("blob");
        assertThat(typeOf("changes", "change", "id = 'after'")).isEqualTo("blob");
        assertThat(typeOf("changes", "change", "id = 'r1'")).isEqualTo("text");

        reopen();
        assertThat(store.get("default", "r1").orElseThrow().source()).isEqualTo(record(1));
        assertThat(store.get("default", "after").orElseThrow().source()).isEqualTo(record(-1));
        assertThat(store.get("default", "r0").orElseThrow().source().path("host").path("name").asText()).isEqualTo("renamed");
        assertThat(store.changes("default", "r0", new HistoryQuery(null, 10, null, null, List.of())).changes()).hasSize(2);
        assertThat(store.textTraining().nextAt()).as("the dictionary is read back at open").isEqualTo(trained);
        long dictionaries;
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM text_dictionaries")) {
            dictionaries = rs.next() ? rs.getLong(1) : 0;
        }
        assertThat(dictionaries).isEqualTo(1);
    }

    @Test
    void a_compressed_store_keeps_text_smaller_than_its_json() throws SQLException {
        store = CompressedStores.open(dataDir);
        for (int i = 0; i < 50; i++) {
            store.create("default", "r" + i, record(i));
        }
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT SUM(length(source)), COUNT(*), SUM(typeof(source) = 'blob') FROM entities")) {
            rs.next();
            assertThat(rs.getLong(3)).isEqualTo(rs.getLong(2));
            long json = 0;
            for (int i = 0; i < 50; i++) {
                json += JsonCodec.writeUtf8(record(i)).length;
            }
            assertThat(rs.getLong(1)).isLessThan(json * 2 / 3); // records of ~90 bytes: the frame's header weighs
        }
    }

    private static ObjectNode record(int i) {
        return obj("entity", Map.of("id", "host:h" + i, "source", List.of("logs-" + (i % 3))),
                "host", Map.of("name", "h" + i, "ip", List.of("10.0." + (i % 200) + ".1")), "v", i);
    }

    private String typeOf(String table, String column, String where) throws SQLException {
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT typeof(" + column + ") FROM " + table + " WHERE " + where + ("changes".equals(table) ? " ORDER BY seq DESC" : "") + " LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteEntityStore.DB_FILE_NAME));
    }
}
