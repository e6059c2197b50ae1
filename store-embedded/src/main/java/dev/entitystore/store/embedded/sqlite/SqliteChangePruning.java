package dev.entitystore.store.embedded.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * History retention on the embedded store ({@code EntityHistory.prune}): the {@code changes} rows of one space
 * walked in record order a batch of records at a time, each batch one task of the group-commit writer, so a
 * prune never races a write and never holds the writer for long. Per record it deletes, below the record's
 * newest change, the rows older than the cut-off time and those past the versions kept.
 */
final class SqliteChangePruning {
    /** Records per writer task: small enough that writes queued behind it wait milliseconds, not seconds. */
    static final int RECORDS_PER_BATCH = 500;

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

    /** What one batch removed, and the last record it looked at (null when none was left). */
    private record Batch(long removed, String lastId) {}

    private static Batch pruneBatch(Connection connection, String space, String afterId, long beforeMillis, int keepVersions)
            throws SQLException {
        long removed = 0;
        String lastId = null;
        try (PreparedStatement records = connection.prepareStatement(
                     "SELECT id, COUNT(*), MAX(seq), MIN(time) FROM changes WHERE space = ? AND id > ? GROUP BY id ORDER BY id LIMIT ?");
             PreparedStatement byAge = connection.prepareStatement(
                     "DELETE FROM changes WHERE space = ? AND id = ? AND seq < ? AND time < ?");
             PreparedStatement keptFrom = connection.prepareStatement(
                     "SELECT seq FROM changes WHERE space = ? AND id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?");
             PreparedStatement byVersions = connection.prepareStatement(
                     "DELETE FROM changes WHERE space = ? AND id = ? AND seq < ?")) {
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
                        int gone = byAge.executeUpdate();
                        removed += gone;
                        count -= gone;
                    }
                    if (count > keepVersions) {
                        removed += pruneVersions(keptFrom, byVersions, space, id, keepVersions);
                    }
                }
            }
        }
        return new Batch(removed, lastId);
    }

    private static int pruneVersions(PreparedStatement keptFrom, PreparedStatement byVersions, String space, String id,
                                     int keepVersions) throws SQLException {
        keptFrom.setString(1, space);
        keptFrom.setString(2, id);
        keptFrom.setInt(3, keepVersions - 1);
        long oldestKept;
        try (ResultSet kept = keptFrom.executeQuery()) {
            if (!kept.next()) {
                return 0;
            }
            oldestKept = kept.getLong(1);
        }
        byVersions.setString(1, space);
        byVersions.setString(2, id);
        byVersions.setLong(3, oldestKept);
        return byVersions.executeUpdate();
    }
}
