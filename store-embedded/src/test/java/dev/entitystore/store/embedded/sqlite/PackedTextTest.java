package dev.entitystore.store.embedded.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackedTextTest {
    private static final byte[] RECORD = utf8("{\"entity\":{\"id\":\"host:h42\",\"name\":\"n3\"},\"host\":{\"name\":\"h42\","
            + "\"ip\":[\"10.0.42.0\"]},\"note\":\"caf\u00e9 \u2603\",\"v\":42}");

    @TempDir
    Path dir;

    @Test
    void without_a_dictionary_text_is_stored_as_json_text() throws SQLException {
        try (Connection c = table()) {
            PackedText texts = PackedText.plain();
            store(c, texts, RECORD);
            assertThat(typeAndBytes(c)).isEqualTo("text:" + RECORD.length);
            assertThat(readBack(c, texts)).isEqualTo(RECORD);
        }
    }

    @Test
    void with_a_dictionary_text_is_stored_as_a_smaller_zstd_frame_naming_it() throws SQLException {
        try (Connection c = table()) {
            PackedText texts = PackedText.plain();
            byte[] dictionary = CompressedStores.dictionary();
            texts.adopt(Zstd.getDictIdFromDict(dictionary), 1, dictionary);
            store(c, texts, RECORD);
            String stored = typeAndBytes(c);
            assertThat(stored).startsWith("blob:");
            assertThat(Integer.parseInt(stored.substring(5))).isLessThan(RECORD.length * 2 / 3);
            assertThat(readBack(c, texts)).isEqualTo(RECORD);
        }
    }

    @Test
    void rows_of_both_forms_and_of_older_dictionaries_are_read_back() throws SQLException {
        try (Connection c = table()) {
            PackedText texts = PackedText.plain();
            store(c, texts, RECORD);
            byte[] first = CompressedStores.dictionary();
            texts.adopt(Zstd.getDictIdFromDict(first), 1, first);
            store(c, texts, RECORD);
            byte[] second = otherDictionary();
            assertThat(Zstd.getDictIdFromDict(second)).isNotEqualTo(Zstd.getDictIdFromDict(first));
            texts.adopt(Zstd.getDictIdFromDict(second), 2, second);
            store(c, texts, RECORD);

            List<byte[]> all = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT t FROM texts ORDER BY rowid")) {
                while (rs.next()) {
                    all.add(texts.read(rs, 1));
                }
            }
            assertThat(all).hasSize(3).allSatisfy(json -> assertThat(json).isEqualTo(RECORD));
        }
    }

    @Test
    void a_frame_naming_a_dictionary_the_store_lacks_is_an_error_not_garbage() {
        PackedText writer = PackedText.plain();
        byte[] dictionary = CompressedStores.dictionary();
        long id = Zstd.getDictIdFromDict(dictionary);
        writer.adopt(id, 1, dictionary);
        byte[] packed = packed(writer, RECORD);

        assertThatThrownBy(() -> PackedText.plain().unpack(packed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dictionary " + id);
    }

    @Test
    void json_text_is_never_taken_for_a_frame() {
        assertThat(PackedText.isFrame(utf8("{}"))).isFalse();
        assertThat(PackedText.isFrame(utf8("[1,2]"))).isFalse();
        assertThat(PackedText.plain().unpack(utf8("{\"a\":1}"))).isEqualTo(utf8("{\"a\":1}"));
        assertThat(PackedText.plain().unpack(null)).isNull();
    }

    @Test
    void many_threads_unpack_at_once() throws Exception {
        PackedText texts = PackedText.plain();
        byte[] dictionary = CompressedStores.dictionary();
        texts.adopt(Zstd.getDictIdFromDict(dictionary), 1, dictionary);
        List<byte[]> records = new ArrayList<>();
        List<byte[]> packed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] json = utf8("{\"entity\":{\"id\":\"host:h" + i + "\"},\"v\":" + i + "}");
            records.add(json);
            packed.add(packed(texts, json));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                checks.add(pool.submit(() -> {
                    for (int i = 0; i < records.size(); i++) {
                        if (!java.util.Arrays.equals(texts.unpack(packed.get(i)), records.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] otherDictionary() {
        com.github.luben.zstd.ZstdDictTrainer trainer = new com.github.luben.zstd.ZstdDictTrainer(4 << 20, 8 * 1024);
        for (int i = 0; i < 2_000; i++) {
            trainer.addSample(utf8("{\"user\":{\"name\":\"u" + i + "\",\"email\":[\"u" + i + "@example.org\"]},\"w\":" + i + "}"));
        }
        return trainer.trainSamples();
    }

    /** The stored form through a real statement, as the store binds it. */
    private byte[] packed(PackedText texts, byte[] json) {
        try (Connection c = table()) {
            store(c, texts, json);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT t FROM texts")) {
                rs.next();
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection table() throws SQLException {
        Connection c = SqliteConnections.openWriter(dir.resolve("t" + System.nanoTime() + ".db"));
        c.createStatement().execute("CREATE TABLE texts (t TEXT NOT NULL)");
        return c;
    }

    private static void store(Connection c, PackedText texts, byte[] json) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO texts (t) VALUES (?)")) {
            texts.bind(s, 1, json);
            s.executeUpdate();
        }
    }

    private static String typeAndBytes(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT typeof(t), length(CAST(t AS BLOB)) FROM texts")) {
            rs.next();
            return rs.getString(1) + ":" + rs.getInt(2);
        }
    }

    private static byte[] readBack(Connection c, PackedText texts) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT t FROM texts")) {
            rs.next();
            return texts.read(rs, 1);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
