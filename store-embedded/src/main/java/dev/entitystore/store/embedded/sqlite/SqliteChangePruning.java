package dev.entitystore.store.embedded.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * History retention on the embedded store ({@code EntityHistory.prune}): the {@code changes} rows of one space
 * walked in record order a batch of records at a time, each batch one task of the group-commit writer, so a
 * prune never races a write and never holds the writer for long. Per record it deletes, below the record's
 * newest change, the rows older than the cut-off time and those past the versions kept. Each batch raises the
 * space's mark of the newest seq it removed ({@code store_meta} key {@code pruned_through:<space>}) in its own
 * transaction, so a feed reader that finds a change gone finds the mark too.
 */
final class SqliteChangePruning {
    /** Records per writer task: small enough that writes queued behind it wait milliseconds, not seconds. */
    static final int RECORDS_PER_BATCH = 500;

    private static final String MARK = "INSERT INTO store_meta (key, value) VALUES (?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET value = MAX(value, excluded.value)";
    private static final String MARKED = "SELECT value FROM store_meta WHERE key = ?";

    private final GroupCommitWriter writer;

    SqliteChangePruning(GroupCommitWriter writer) {
        this.writer = writer;
    }

    long prune(String space, long beforeMillis, int keepVersions) {
        if (keepVersions < 1) {
            throw new IllegalArgumentException("keepVersions must be at least 1");
        }
        long removed = 0;
        String afterId = "";
        while (afterId != null) {
            String from = afterId;
            Batch batch = writer.submit("the history of space " + space + " was not pruned", RECORDS_PER_BATCH,
                    tx -> pruneBatch(tx.connection(), space, from, beforeMillis, keepVersions));
            removed += batch.removed();
            afterId = batch.lastId();
        }
        return removed;
    }

    /** {@code EntityHistory.prunedThrough}: the newest seq pruned in the space, -1 when none was. */
    static long prunedThrough(ReadConnectionPool reads, String space) {
        return reads.read("the pruned mark of space " + space, c -> {
            PreparedStatement s = c.prepare(MARKED);
            s.setString(1, markKey(space));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1L;
            }
        });
    }

    private static String markKey(String space) {
        return "pruned_through:" + space;
    }

    /** What one batch removed, and the last record it looked at (null when none was left). */
    private record Batch(long removed, String lastId) {}

    private static Batch pruneBatch(Connection connection, String space, String afterId, long beforeMillis, int keepVersions)
            throws SQLException {
        long removed = 0;
        long newestRemoved = -1;
        String lastId = null;
        try (PreparedStatement records = connection.prepareStatement(
                     "SELECT id, COUNT(*), MAX(seq), MIN(time) FROM changes WHERE space = ? AND id > ? GROUP BY id ORDER BY id LIMIT ?");
             PreparedStatement byAge = connection.prepareStatement(
                     "DELETE FROM changes WHERE space = ? AND id = ? AND seq < ? AND time < ? RETURNING seq");
             PreparedStatement keptFrom = connection.prepareStatement(
                     "SELECT seq FROM changes WHERE space = ? AND id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?");
             PreparedStatement byVersions = connection.prepareStatement(
                     "DELETE FROM changes WHERE space = ? AND id = ? AND seq < ? RETURNING seq")) {
            records.setString(1, space);
            records.setString(2, afterId);
            records.setInt(3, RECORDS_PER_BATCH);
            try (ResultSet rows = records.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    lastId = id;
                    long count = rows.getLong(2);
                    long newest = rows.getLong(3);
                    if (rows.getLong(4) < beforeMillis && count > 1) {
                        byAge.setString(1, space);
                        byAge.setString(2, id);
                        byAge.setLong(3, newest);
                        byAge.setLong(4, beforeMillis);
                        long[] gone = deleted(byAge);
                        removed += gone[0];
                        count -= gone[0];
                        newestRemoved = Math.max(newestRemoved, gone[1]);
                    }
                    if (count > keepVersions) {
                        long[] gone = pruneVersions(keptFrom, byVersions, space, id, keepVersions);
                        removed += gone[0];
                        newestRemoved = Math.max(newestRemoved, gone[1]);
                    }
                }
            }
        }
        if (newestRemoved >= 0) {
            try (PreparedStatement mark = connection.prepareStatement(MARK)) {
                mark.setString(1, markKey(space));
                mark.setLong(2, newestRemoved);
                mark.executeUpdate();
            }
        }
        return new Batch(removed, lastId);
    }

    /** Runs a {@code DELETE ... RETURNING seq}: how many rows it removed and the newest seq among them (-1: none). */
    private static long[] deleted(PreparedStatement delete) throws SQLException {
        long count = 0;
        long newest = -1;
        try (ResultSet rows = delete.executeQuery()) {
            while (rows.next()) {
                count++;
                newest = Math.max(newest, rows.getLong(1));
            }
        }
        return new long[] {count, newest};
    }

    private static long[] pruneVersions(PreparedStatement keptFrom, PreparedStatement byVersions, String space, String id,
                                        int keepVersions) throws SQLException {
        keptFrom.setString(1, space);
        keptFrom.setString(2, id);
        keptFrom.setInt(3, keepVersions - 1);
        long oldestKept;
        try (ResultSet kept = keptFrom.executeQuery()) {
            if (!kept.next()) {
                return new long[] {0, -1};
            }
            oldestKept = kept.getLong(1);
        }
        byVersions.setString(1, space);
        byVersions.setString(2, id);
        byVersions.setLong(3, oldestKept);
        return deleted(byVersions);
    }
}
