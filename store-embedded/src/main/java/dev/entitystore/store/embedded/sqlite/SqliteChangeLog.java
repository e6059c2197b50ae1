package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.store.Change;
import dev.entitystore.domain.store.ChangeBatch;
import dev.entitystore.domain.store.CommittedBatch;
import dev.entitystore.domain.store.CommittedChange;
import dev.entitystore.domain.store.StoredEntity;
import dev.entitystore.store.embedded.sqlite.ReadConnectionPool.ReadConnection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What the search index follows the store by, on connections of the pool: the records written since a
 * seq (a catch-up after a restart) and every record in key order (a build of an empty index).
 *
 * <p>The records written since a seq are found through the change log, not through an index of the
 * records by seq: every write appends its change at its own seq, and a record's newest change is never
 * pruned, so the log's rows above a seq, each joined to its record when the record still stands at that
 * seq, are exactly the records written since, each once at its latest state. An index by seq made every
 * write move one entry to a random page (measured: a third of the writer's time in bulk writes).
 * Deletes come from the tombstones. The log is complete only above {@code change_log_from} (records
 * written before it existed have no change): below it, a follower rebuilds instead.
 */
final class SqliteChangeLog {
    private static final String CHANGED = "SELECT c.seq, c.space, c.id, e.source, e.version FROM changes c"
            + " LEFT JOIN entities e ON e.space = c.space AND e.id = c.id AND e.seq = c.seq"
            + " WHERE c.seq > ? ORDER BY c.seq LIMIT ?";
    private static final String DELETED = "SELECT seq, space, id FROM tombstones WHERE seq > ? AND seq <= ?"
            + " ORDER BY seq LIMIT ?";
    private static final String LAST_SEQ = "SELECT value FROM store_meta WHERE key = 'last_seq'";
    private static final String LOG_FROM = "SELECT value FROM store_meta WHERE key = 'change_log_from'";
    private static final String RECORDS_AFTER = "SELECT space, id, source, seq FROM entities"
            + " WHERE (space, id) > (?, ?) ORDER BY space, id LIMIT ?";

    private final ReadConnectionPool pool;
    private final PackedText texts;

    SqliteChangeLog(ReadConnectionPool pool, PackedText texts) {
        this.pool = pool;
        this.texts = texts;
    }

    /** Whether {@link #changesSince} is complete from {@code seqNo}: the change log covers every write after it. */
    boolean followsFrom(long seqNo) {
        return seqNo >= pool.read("changeLogFrom", c -> {
            try (ResultSet rs = c.prepare(LOG_FROM).executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /**
     * Upserts and tombstones above {@code seqNo}, merged by seq. Both tables are read in one read
     * transaction, so the batch is one snapshot: a record moving to a newer seq meanwhile is seen once.
     */
    ChangeBatch changesSince(long seqNo, int limit) {
        Merged<Change> merged = since("changesSince", seqNo, limit, Change::seqNo,
                (seq, space, id, source, version) -> Change.upsert(space,
                        new StoredEntity(id, JsonCodec.read(source, "record " + space + "/" + id), seq, version)),
                (seq, space, id) -> id == null ? Change.spaceDeleted(seq, space) : Change.delete(seq, space, id));
        return new ChangeBatch(merged.changes(), merged.through(), merged.more());
    }

    /** As {@link #changesSince}, each record's JSON as stored, not parsed. */
    CommittedBatch committedSince(long seqNo, int limit) {
        Merged<CommittedChange> merged = since("committedSince", seqNo, limit, CommittedChange::seqNo,
                (seq, space, id, source, version) -> CommittedChange.upsert(seq, space, id, source),
                (seq, space, id) -> id == null ? CommittedChange.spaceDeleted(seq, space) : CommittedChange.delete(seq, space, id));
        return new CommittedBatch(merged.changes(), merged.through(), merged.more());
    }

    /**
     * Up to {@code limit} records after ({@code afterSpace}, {@code afterId}) in key order (the table's own
     * order: a sequential read), each as stored, as upserts at its seq: what an index build reads.
     */
    List<CommittedChange> recordsAfter(String afterSpace, String afterId, int limit) {
        return pool.read("recordsAfter", c -> {
            PreparedStatement s = c.prepare(RECORDS_AFTER);
            s.setString(1, afterSpace);
            s.setString(2, afterId);
            s.setInt(3, limit);
            List<CommittedChange> records = new ArrayList<>(Math.min(limit, 1_000));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.add(CommittedChange.upsert(rs.getLong(4), rs.getString(1), rs.getString(2), texts.read(rs, 3)));
                }
            }
            return records;
        });
    }

    @FunctionalInterface
    private interface UpsertRow<T> {
        T read(long seq, String space, String id, byte[] source, long version);
    }

    @FunctionalInterface
    private interface TombstoneRow<T> {
        /** {@code id} is null for a space's tombstone. */
        T read(long seq, String space, String id);
    }

    private record Merged<T>(List<T> changes, long through, boolean more) {}

    /** Upserts of the log's first {@code limit} rows above {@code seqNo}, and where that read stopped. */
    private record Upserts<T>(List<T> changes, long cut) {}

    private <T> Merged<T> since(String what, long seqNo, int limit, ToLongFunction<T> seqOf, UpsertRow<T> upsert,
                                TombstoneRow<T> tombstone) {
        return pool.read(what, c -> {
            c.execute("BEGIN");
            try {
                Upserts<T> upserts = upserts(c, seqNo, limit, upsert);
                List<T> deletes = deletes(c, seqNo, upserts.cut(), limit, tombstone);
                long cut = deletes.size() == limit ? Math.min(upserts.cut(), seqOf.applyAsLong(deletes.get(limit - 1)))
                        : upserts.cut();
                return mergeBySeq(upserts.changes(), deletes, seqOf, limit, cut, Math.max(lastSeq(c), seqNo));
            } finally {
                c.execute("COMMIT");
            }
        });
    }

    /**
     * The log's rows above {@code seqNo}, at most {@code limit}; a row whose record has been written again
     * since (or deleted) is passed over: the later row or the tombstone stands for it. The cut is the last
     * row's seq when the read was cut short, else {@link Long#MAX_VALUE}.
     */
    private <T> Upserts<T> upserts(ReadConnection c, long seqNo, int limit, UpsertRow<T> row) throws SQLException {
        PreparedStatement s = c.prepare(CHANGED);
        s.setLong(1, seqNo);
        s.setInt(2, limit);
        List<T> changes = new ArrayList<>();
        int rows = 0;
        long last = seqNo;
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows++;
                last = rs.getLong(1);
                byte[] source = texts.read(rs, 4);
                if (source != null) {
                    changes.add(row.read(last, rs.getString(2), rs.getString(3), source, rs.getLong(5)));
                }
            }
        }
        return new Upserts<>(changes, rows == limit ? last : Long.MAX_VALUE);
    }

    private static <T> List<T> deletes(ReadConnection c, long seqNo, long cut, int limit, TombstoneRow<T> row)
            throws SQLException {
        PreparedStatement s = c.prepare(DELETED);
        s.setLong(1, seqNo);
        s.setLong(2, cut);
        s.setInt(3, limit);
        List<T> changes = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                changes.add(row.read(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return changes;
    }

    private static long lastSeq(ReadConnection c) throws SQLException {
        try (ResultSet rs = c.prepare(LAST_SEQ).executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Both sides in seq order, up to {@code cut} (where a side's read was cut short) and at most
     * {@code limit}; past either bound more may follow, and the batch goes through its last change.
     */
    private static <T> Merged<T> mergeBySeq(List<T> a, List<T> b, ToLongFunction<T> seqOf, int limit, long cut,
                                            long lastSeq) {
        List<T> merged = new ArrayList<>(Math.min(limit, a.size() + b.size()));
        int i = 0;
        int j = 0;
        while (merged.size() < limit && (i < a.size() || j < b.size())) {
            T next = j >= b.size() || (i < a.size() && seqOf.applyAsLong(a.get(i)) < seqOf.applyAsLong(b.get(j)))
                    ? a.get(i++) : b.get(j++);
            if (seqOf.applyAsLong(next) > cut) {
                break;
            }
            merged.add(next);
        }
        boolean full = merged.size() == limit && (i < a.size() || j < b.size());
        if (full) {
            return new Merged<>(merged, seqOf.applyAsLong(merged.get(merged.size() - 1)), true);
        }
        if (cut != Long.MAX_VALUE) {
            return new Merged<>(merged, cut, true);
        }
        return new Merged<>(merged, lastSeq, false);
    }
}
