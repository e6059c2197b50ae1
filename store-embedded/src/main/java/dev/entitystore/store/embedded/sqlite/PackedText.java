package dev.entitystore.store.embedded.sqlite;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored form of the JSON the store keeps ({@code entities.source}, {@code changes.change},
 * {@code change_states.state}): a zstd frame compressed with a dictionary trained on the store's own rows
 * ({@link TextDictionaryTraining}), or, before the store has a dictionary, the JSON text itself. Both forms are
 * read everywhere: a frame starts with zstd's magic number, which no JSON text does, and names its
 * dictionary in its header, so no column says which form a row has.
 *
 * <p>Why: records of one store share their keys and most of their shape, so a dictionary takes a ~1 KB record
 * to a tenth of that, where zstd alone halves it; the data directory of a million hosts was mostly these
 * texts. Compressing with a reused context costs ~2.5 µs per record on this machine and decompressing ~1 µs.
 *
 * <p>Packing runs on the writer thread only; unpacking on any thread, each with a pooled decompression context.
 */
final class PackedText {
    private static final Logger LOG = LoggerFactory.getLogger(PackedText.class);
    /** zstd's frame magic number as stored (little-endian): 28 B5 2F FD. */
    private static final byte[] MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
    private static final int LEVEL = 3;
    /** Far above any stored record or change (request bodies are bounded well below): a frame claiming more is damaged. */
    private static final long MAX_TEXT_BYTES = 256L * 1024 * 1024;
    /** Idle decompression contexts kept; more are made when more threads read at once, and closed after. */
    private static final int POOLED_CONTEXTS = 8;
    private static final String LOAD = "SELECT id, trained_on_seq, dictionary FROM text_dictionaries ORDER BY trained_on_seq";

    private final Map<Long, ZstdDictDecompress> dictionaries = new ConcurrentHashMap<>();
    private final ArrayBlockingQueue<ZstdDecompressCtx> contexts = new ArrayBlockingQueue<>(POOLED_CONTEXTS);
    /** What new rows are compressed with: null until the store has a dictionary (or zstd cannot load here). */
    private volatile Packer packer;
    private volatile long trainedOnSeq;

    /** A store's texts as its dictionaries say ({@code text_dictionaries}, read on the given connection). */
    static PackedText load(Connection connection) throws SQLException {
        PackedText texts = new PackedText();
        try (PreparedStatement s = connection.prepareStatement(LOAD); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                texts.adopt(rs.getLong(1), rs.getLong(2), rs.getBytes(3));
            }
        }
        return texts;
    }

    /** Texts with no dictionary: everything is written plain (tests of other things; a new store). */
    static PackedText plain() {
        return new PackedText();
    }

    /**
     * Reads rows compressed with {@code dictionary} from now on, and compresses new rows with it. The caller
     * has committed the dictionary's row first, so no stored row can name a dictionary the store lacks.
     */
    void adopt(long id, long onSeq, byte[] dictionary) {
        dictionaries.put(id, new ZstdDictDecompress(dictionary));
        packer = new Packer(new ZstdDictCompress(dictionary, LEVEL));
        trainedOnSeq = onSeq;
    }

    boolean knows(long dictionaryId) {
        return dictionaries.containsKey(dictionaryId);
    }

    /** The last seq when the dictionary in use was trained, 0 when there is none. */
    long trainedOnSeq() {
        return trainedOnSeq;
    }

    /** Binds {@code json} at {@code index} in its stored form (a blob when compressed, text when plain). */
    void bind(PreparedStatement statement, int index, byte[] json) throws SQLException {
        Packer current = packer;
        byte[] packed = current == null ? null : current.pack(json);
        if (packed != null && packed.length < json.length) {
            statement.setBytes(index, packed);
        } else {
            statement.setString(index, new String(json, StandardCharsets.UTF_8));
        }
    }

    /** The JSON of column {@code column}, whichever form it is stored in; null stays null. */
    byte[] read(ResultSet rs, int column) throws SQLException {
        return unpack(rs.getBytes(column));
    }

    /** The JSON of a stored value, whichever form it has. */
    byte[] unpack(byte[] stored) {
        if (stored == null || !isFrame(stored)) {
            return stored;
        }
        long dictionaryId = Zstd.getDictIdFromFrame(stored);
        ZstdDictDecompress dictionary = dictionaries.get(dictionaryId);
        if (dictionary == null) {
            throw new IllegalStateException("a stored text names dictionary " + dictionaryId
                    + ", which this store does not hold");
        }
        long size = Zstd.getFrameContentSize(stored);
        if (size < 0 || size > MAX_TEXT_BYTES) {
            throw new IllegalStateException("a stored text's frame gives no usable size (" + size + ")");
        }
        ZstdDecompressCtx idle = contexts.poll();
        ZstdDecompressCtx context = idle != null ? idle : new ZstdDecompressCtx();
        try {
            context.loadDict(dictionary);
            byte[] json = new byte[(int) size];
            int written = context.decompressByteArray(json, 0, json.length, stored, 0, stored.length);
            if (written != json.length) {
                throw new IllegalStateException("a stored text unpacked to " + written + " bytes, not " + json.length);
            }
            return json;
        } finally {
            if (!contexts.offer(context)) {
                context.close(); // the pool is full
            }
        }
    }

    static boolean isFrame(byte[] stored) {
        return stored.length > MAGIC.length && stored[0] == MAGIC[0] && stored[1] == MAGIC[1]
                && stored[2] == MAGIC[2] && stored[3] == MAGIC[3];
    }

    /** Compresses with one dictionary; one context, used by the writer thread (synchronized for safety only). */
    private static final class Packer {
        private final ZstdCompressCtx context = new ZstdCompressCtx();

        Packer(ZstdDictCompress dictionary) {
            context.setLevel(LEVEL);
            context.setContentSize(true);
            context.setDictID(true);
            context.loadDict(dictionary);
        }

        synchronized byte[] pack(byte[] json) {
            try {
                return context.compress(json);
            } catch (RuntimeException e) {
                // Never fail a write for this: the row is then stored plain, which is always read back.
                LOG.warn("a record's text could not be compressed, stored plain: {}", e.toString());
                return null;
            }
        }
    }
}
