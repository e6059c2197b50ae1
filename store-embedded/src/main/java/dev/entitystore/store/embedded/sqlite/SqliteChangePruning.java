package dev.entitystore.store.embedded.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * History retention on the embedded store ({@code EntityHistory.prune}): the records of one space, standing
 * ones and then deleted ones ({@link HistoryHeads}), a batch at a time in id order, each batch one task of the
 * group-commit writer, so a prune never races a write and never holds the writer for long. Per record it
 * walks the history back from the newest change, which is always kept: it keeps the changes that are both
 * among the versions kept and not older than the cut-off, and deletes the first one that is not, with every
 * change before it (times never go back in seq order, so older changes fail the cut-off too). Each batch raises
 * the space's mark of the newest seq it removed ({@code store_meta} key {@code pruned_through:<space>}) in its
 * own transaction, so a feed reader that finds a change gone finds the mark too.
 */
final class SqliteChangePruning {
    /** Records per writer task: small enough that writes queued behind it wait milliseconds, not seconds. */
    static final int RECORDS_PER_BATCH = 500;

    private static final String[] RECORDS = {
            "SELECT id, seq FROM entities WHERE space = ? AND id > ? ORDER BY id LIMIT ?",
            "SELECT id, seq FROM deleted_heads WHERE space = ? AND id > ? ORDER BY id LIMIT ?"};

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
        for (String records : RECORDS) {
            String afterId = "";
            while (afterId != null) {
                String from = afterId;
                Batch batch = writer.submit("the history of space " + space + " was not pruned", RECORDS_PER_BATCH,
                        tx -> pruneBatch(tx.connection(), records, space, from, beforeMillis, keepVersions));
                removed += batch.removed();
                afterId = batch.lastId();
            }
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

    private static Batch pruneBatch(Connection connection, String records, String space, String afterId,
                                    long beforeMillis, int keepVersions) throws SQLException {
        long removed = 0;
        long[] newestRemoved = {-1};
        String lastId = null;
        try (PreparedStatement heads = connection.prepareStatement(records);
             PreparedStatement change = connection.prepareStatement("SELECT space, id, prev, time FROM changes WHERE seq = ?");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM changes WHERE seq = ?");
             PreparedStatement deleteState = connection.prepareStatement("DELETE FROM change_states WHERE seq = ?")) {
            heads.setString(1, space);
            heads.setString(2, afterId);
            heads.setInt(3, RECORDS_PER_BATCH);
            try (ResultSet rows = heads.executeQuery()) {
                while (rows.next()) {
                    lastId = rows.getString(1);
                    removed += pruneRecord(change, delete, deleteState, space, lastId, rows.getLong(2), beforeMillis, keepVersions,
                            newestRemoved);
                }
            }
        }
        if (newestRemoved[0] >= 0) {
            try (PreparedStatement mark = connection.prepareStatement(MARK)) {
                mark.setString(1, markKey(space));
                mark.setLong(2, newestRemoved[0]);
                mark.executeUpdate();
            }
        }
        return new Batch(removed, lastId);
    }

    /** Prunes one record's history; {@code newestRemoved[0]} is raised to the newest seq it removes. */
    private static long pruneRecord(PreparedStatement change, PreparedStatement delete, PreparedStatement deleteState,
                                    String space, String id, long newest,
                                    long beforeMillis, int keepVersions, long[] newestRemoved) throws SQLException {
        int kept = 0;
        long seq = newest;
        long removed = 0;
        while (seq != 0) {
            change.setLong(1, seq);
            long prev;
            long time;
            try (ResultSet rs = change.executeQuery()) {
                if (!rs.next() || !space.equals(rs.getString(1)) || !id.equals(rs.getString(2))) {
                    return removed; // the history ends here: pruned before, or written before it was kept
                }
                prev = rs.getLong(3);
                time = rs.getLong(4);
            }
            boolean keep = removed == 0 && (kept == 0 || (kept < keepVersions && time >= beforeMillis));
            if (keep) {
                kept++;
            } else {
                delete.setLong(1, seq);
                if (delete.executeUpdate() > 0) {
                    deleteState.setLong(1, seq); // the state kept beside it, if any, goes with it
                    deleteState.executeUpdate();
                    removed++;
                    newestRemoved[0] = Math.max(newestRemoved[0], seq);
                }
            }
            seq = prev;
        }
        return removed;
    }
}
