package dev.entitystore.store.embedded.sqlite;

import com.github.luben.zstd.ZstdDictTrainer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Stores that compress their text from the first write: a dictionary trained on synthetic records is kept as
 * the store opens, as {@link TextDictionaryTraining} keeps one once a store has grown. The suites run on these
 * as well as on plain stores, so every read is checked on both stored forms.
 */
final class CompressedStores {
    /** Never reached in a test: no second dictionary is trained behind the test's back. */
    private static final long TRAINED_ON = 1_000_000_000L;
    private static volatile byte[] dictionary;

    private CompressedStores() {
    }

    /** Opens the store at {@code dataDir}, giving it a dictionary if it has none yet. */
    static SqliteEntityStore open(Path dataDir) {
        SqliteEntityStore store = SqliteEntityStore.open(dataDir);
        if (store.textTraining().nextAt() < TRAINED_ON) {
            store.textTraining().keep(dictionary(), TRAINED_ON, 0);
        }
        return store;
    }

    /** One dictionary for every test: trained once on records shaped like those the tests write. */
    static byte[] dictionary() {
        if (dictionary == null) {
            ZstdDictTrainer trainer = new ZstdDictTrainer(4 << 20, 16 * 1024);
            for (int i = 0; i < 3_000; i++) {
                String record = "{\"entity\":{\"id\":\"host:h" + i + "\",\"name\":\"n" + (i * 7 % 13) + "\",\"source\":[\"logs-"
                        + (i % 5) + "\"]},\"host\":{\"name\":\"h" + i + "\",\"ip\":[\"10.0." + (i % 250) + "." + (i % 7)
                        + "\"]},\"v\":" + i + ",\"@timestamp\":\"2026-12-07T10:" + (10 + i % 50) + ":00.000Z\"}";
                trainer.addSample(record.getBytes(StandardCharsets.UTF_8));
            }
            dictionary = trainer.trainSamples();
        }
        return dictionary;
    }
}
