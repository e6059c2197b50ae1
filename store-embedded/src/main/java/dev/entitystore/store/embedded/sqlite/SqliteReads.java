package dev.entitystore.store.embedded.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.FeedChange;
import dev.entitystore.domain.history.FeedPage;
import dev.entitystore.domain.history.HistoryPage;
import dev.entitystore.domain.history.HistoryQuery;
import dev.entitystore.domain.history.KeptState;
import dev.entitystore.domain.store.EntityPage;
import dev.entitystore.domain.store.StoredJson;
import dev.entitystore.domain.store.StoredEntity;
import dev.entitystore.store.embedded.sqlite.ReadConnectionPool.ReadConnection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The read queries, on connections of the pool; never on the writer's. */
final class SqliteReads {
    private static final String GET = "SELECT source, seq, version FROM entities WHERE space = ? AND id = ?";
    /**
     * Many records in one statement: the ids go in as one JSON array, each looked up by key. A statement
     * per id cost a page of 100 about a hundred executions, each with its JNI round trips and result set.
     */
    private static final String GET_MANY =
            "SELECT id, source, seq, version FROM entities WHERE space = ? AND id IN (SELECT value FROM json_each(?))";
    private static final String SCAN_FIRST =
            "SELECT id, source, seq, version FROM entities WHERE space = ? ORDER BY id LIMIT ?";
    private static final String SCAN_AFTER =
            "SELECT id, source, seq, version FROM entities WHERE space = ? AND id > ? ORDER BY id LIMIT ?";
    /** The log after ?1, with the text of the space ?3's changes only (another space's row is only a seq to pass). */
    private static final String FEED = "SELECT seq, CASE WHEN space = ?3 THEN change END FROM changes WHERE seq > ?1"
            + " ORDER BY seq LIMIT ?2";
    /** Rows of the change log one feed read looks at, at most: past them it answers what it found and its cursor. */
    private static final int FEED_SCAN = 10_000;
    private static final String SETTING = "SELECT value FROM settings WHERE space = ? AND key = ?";
    /** The distinct spaces, one primary-key descent each (a skip scan), not a walk of every record. */
    private static final String SPACES_WITH_ENTITIES = "WITH RECURSIVE s(space) AS (SELECT MIN(space) FROM entities"
            + " UNION ALL SELECT (SELECT MIN(space) FROM entities WHERE space > s.space) FROM s WHERE s.space IS NOT NULL)"
            + " SELECT space FROM s WHERE space IS NOT NULL";
    private static final String SETTINGS = "SELECT key, value FROM settings WHERE space = ? ORDER BY key";
    private static final String SPACES = "SELECT DISTINCT space FROM settings ORDER BY space";

    private final ReadConnectionPool pool;
    private final SqliteHistoryChain chain;
    private final PackedText texts;

    SqliteReads(ReadConnectionPool pool, PackedText texts) {
        this.pool = pool;
        this.texts = texts;
        this.chain = new SqliteHistoryChain(pool, texts);
    }

    Optional<StoredEntity> get(String space, String id) {
        return pool.read("get", c -> {
            PreparedStatement s = c.prepare(GET);
            s.setString(1, space);
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ObjectNode source = JsonCodec.read(texts.read(rs, 1), "record " + space + "/" + id);
                return Optional.of(new StoredEntity(id, source, rs.getLong(2), rs.getLong(3)));
            }
        });
    }

    /**
     * The records of {@code ids} in the order asked, read by one statement (one snapshot); absent ids are
     * left out.
     */
    Map<String, StoredEntity> records(String space, List<String> ids) {
        return byIds(space, ids, rs -> {
            String id = rs.getString(1);
            ObjectNode source = JsonCodec.read(texts.read(rs, 2), "record " + space + "/" + id);
            return new StoredEntity(id, source, rs.getLong(3), rs.getLong(4));
        });
    }

    /** As {@link #records}, each record's stored JSON text, not parsed. */
    Map<String, byte[]> storedJson(String space, List<String> ids) {
        return byIds(space, ids, rs -> texts.read(rs, 2));
    }

    /** A row of {@link #GET_MANY} as what the caller keeps of it. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of {@code ids} by one {@link #GET_MANY} statement, in the order asked, absent ids left out. */
    private <T> Map<String, T> byIds(String space, List<String> ids, RowReader<T> row) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, T> read = pool.read("records", c -> {
            PreparedStatement s = c.prepare(GET_MANY);
            s.setString(1, space);
            s.setString(2, JsonCodec.writeStrings(ids));
            Map<String, T> rows = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), row.read(rs));
                }
            }
            return rows;
        });
        Map<String, T> found = new LinkedHashMap<>();
        for (String id : ids) {
            T value = read.get(id);
            if (value != null) {
                found.put(id, value);
            }
        }
        return found;
    }

    /**
     * Shows each present record of {@code ids} to {@code visitor} as it is read, in one read transaction:
     * a caller that is done with each record before the next holds one tree at a time, not all of them.
     */
    void eachRecord(String space, List<String> ids, java.util.function.Consumer<StoredEntity> visitor) {
        pool.read("records", c -> {
            PreparedStatement s = c.prepare(GET);
            c.execute("BEGIN");
            try {
                for (String id : ids) {
                    s.setString(1, space);
                    s.setString(2, id);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            ObjectNode source = JsonCodec.read(texts.read(rs, 1), "record " + space + "/" + id);
                            visitor.accept(new StoredEntity(id, source, rs.getLong(2), rs.getLong(3)));
                        }
                    }
                }
            } finally {
                c.execute("COMMIT");
            }
            return null;
        });
    }

    List<String> spacesWithEntities() {
        return pool.read("spacesWithEntities", c -> {
            List<String> spaces = new ArrayList<>();
            try (ResultSet rs = c.prepare(SPACES_WITH_ENTITIES).executeQuery()) {
                while (rs.next()) {
                    spaces.add(rs.getString(1));
                }
            }
            return spaces;
        });
    }

    EntityPage scan(String space, String afterId, int limit) {
        return pool.read("scan", c -> {
            PreparedStatement s = scanStatement(c, space, afterId, limit);
            List<StoredEntity> entities = new ArrayList<>(Math.min(limit, 1_000));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    ObjectNode source = JsonCodec.read(texts.read(rs, 2), "record " + space + "/" + id);
                    entities.add(new StoredEntity(id, source, rs.getLong(3), rs.getLong(4)));
                }
            }
            Optional<String> next = entities.size() == limit
                    ? Optional.of(entities.get(entities.size() - 1).id())
                    : Optional.empty();
            return new EntityPage(entities, next);
        });
    }

    /** {@link #scan}'s page as the stored UTF-8 text, unparsed. */
    StoredJson scanJson(String space, String afterId, int limit) {
        return pool.read("scan", c -> {
            PreparedStatement s = scanStatement(c, space, afterId, limit);
            List<StoredJson.Record> records = new ArrayList<>(Math.min(limit, 1_000));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.add(new StoredJson.Record(rs.getString(1), texts.read(rs, 2)));
                }
            }
            Optional<String> next = records.size() == limit
                    ? Optional.of(records.get(records.size() - 1).id())
                    : Optional.empty();
            return new StoredJson(records, next);
        });
    }

    private static PreparedStatement scanStatement(ReadConnection c, String space, String afterId, int limit) throws SQLException {
        PreparedStatement s;
        if (afterId == null) {
            s = c.prepare(SCAN_FIRST);
            s.setString(1, space);
            s.setInt(2, limit);
        } else {
            s = c.prepare(SCAN_AFTER);
            s.setString(1, space);
            s.setString(2, afterId);
            s.setInt(3, limit);
        }
        return s;
    }

    /** One record's changes, newest first ({@link SqliteHistoryChain}). */
    HistoryPage history(String space, String id, HistoryQuery query) {
        return chain.page(space, id, query);
    }

    /** The newest state kept near one of a record's changes ({@link SqliteHistoryChain#keptState}). */
    Optional<KeptState> keptState(String space, String id, long atSeq, int maxBack) {
        return chain.keptState(space, id, atSeq, maxBack);
    }

    /**
     * A space's changes after {@code afterSeq}, oldest first. Walks the log in seq order (one read snapshot:
     * the single writer commits in seq order, so what it sees is a prefix of the log and nothing can appear
     * before it later), skipping other spaces and types, for at most {@value #FEED_SCAN} rows. Each change is
     * answered from its stored text ({@link StoredFeedChange}): only a create's record is parsed.
     */
    FeedPage feed(String space, long afterSeq, int size, Set<String> entityTypes) {
        return pool.read("feed", c -> {
            List<FeedChange> changes = new ArrayList<>(Math.min(size, 1_000));
            long through = afterSeq;
            int scanned = 0;
            int batch = Math.max(size, 500);
            PreparedStatement s = c.prepare(FEED);
            c.execute("BEGIN");
            try {
                while (changes.size() < size && scanned < FEED_SCAN) {
                    s.setLong(1, through);
                    s.setInt(2, batch);
                    s.setString(3, space);
                    int read = 0;
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next() && changes.size() < size) {
                            read++;
                            through = rs.getLong(1);
                            byte[] json = texts.read(rs, 2);
                            if (json != null && StoredFeedChange.ofType(json, entityTypes)) {
                                changes.add(StoredFeedChange.of(through, json));
                            }
                        }
                    }
                    scanned += read;
                    if (read < batch) {
                        break;
                    }
                }
            } finally {
                c.execute("COMMIT");
            }
            return new FeedPage(changes, through);
        });
    }

    Optional<ObjectNode> getSetting(String space, String key) {
        return pool.read("getSetting", c -> {
            PreparedStatement s = c.prepare(SETTING);
            s.setString(1, space);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(JsonCodec.read(rs.getBytes(1), "setting " + space + "/" + key))
                        : Optional.<ObjectNode>empty();
            }
        });
    }

    Map<String, ObjectNode> settings(String space) {
        return pool.read("settings", c -> {
            PreparedStatement s = c.prepare(SETTINGS);
            s.setString(1, space);
            Map<String, ObjectNode> settings = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    settings.put(key, JsonCodec.read(rs.getBytes(2), "setting " + space + "/" + key));
                }
            }
            return settings;
        });
    }

    List<String> spaces() {
        return pool.read("spaces", c -> {
            List<String> spaces = new ArrayList<>();
            try (ResultSet rs = c.prepare(SPACES).executeQuery()) {
                while (rs.next()) {
                    spaces.add(rs.getString(1));
                }
            }
            return spaces;
        });
    }
}
