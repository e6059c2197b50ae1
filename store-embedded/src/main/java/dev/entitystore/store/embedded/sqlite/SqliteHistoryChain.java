package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.FeedChange;
import dev.entitystore.domain.history.HistoryPage;
import dev.entitystore.domain.history.HistoryQuery;
import dev.entitystore.domain.history.KeptState;
import dev.entitystore.store.embedded.sqlite.ReadConnectionPool.ReadConnection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One record's changes, newest first, on connections of the pool: a walk back from its newest change (see
 * {@link HistoryHeads}) through each change's {@code prev}, in one read snapshot.
 *
 * <p>The walk is one recursive query, not one query per change: SQLite follows the chain itself and
 * hands over only the changes that pass the time and cursor filters, and it stops once it has found as
 * many as the page still needs or reached a change older than {@code from} (change times never go back
 * in seq order). Walking past the newer changes to an {@code as_of} far back costs a primary-key step per
 * change inside SQLite and no row through JDBC; a walk bounded by {@code to} starts at the first state kept
 * after it ({@code change_states}), so it steps over fewer than {@link SqliteRecordWrites#KEEP_STATE_EVERY}
 * changes. A {@code fields} filter is screened on the stored text inside the walk ({@link ChangePathScreen}): a
 * change that cannot touch the paths does not cross JDBC; those that pass are parsed and checked exactly.
 */
final class SqliteHistoryChain {
    /**
     * From ?1 back: rows of the record (?2, ?3) no older than ?4, until ?7 of them are before seq ?5 and at
     * or before time ?6 (those are "found"); answered, newest first, each with its prev (where the next walk
     * goes on): the found rows whose text passes the screen (%1$s: found, and {@link ChangePathScreen} on
     * {@code c.change}) with their text, and the row where the walk stopped because it found ?7, without its
     * text unless it passes too. A row screened out never leaves SQLite.
     */
    private static final String WALK = """
            WITH RECURSIVE chain(seq, prev, time, found) AS (
              SELECT seq, prev, time, (seq < ?5 AND time <= ?6) FROM changes
                WHERE seq = ?1 AND space = ?2 AND id = ?3 AND time >= ?4
              UNION ALL
              SELECT c.seq, c.prev, c.time, chain.found + (c.seq < ?5 AND c.time <= ?6) FROM chain
                JOIN changes c ON c.seq = chain.prev
                WHERE chain.found < ?7 AND c.space = ?2 AND c.id = ?3 AND c.time >= ?4
            )
            SELECT chain.seq, chain.prev, chain.found, CASE WHEN %1$s THEN c.change END
              FROM chain JOIN changes c ON c.seq = chain.seq
              WHERE %1$s OR chain.found >= ?7 ORDER BY chain.seq DESC""";
    /** The first parameter of the walk's screen. */
    private static final int SCREEN_PARAMETERS = 8;
    /**
     * From ?1 back along the record (?2, ?3), at most ?4 changes further, until a change with a kept state:
     * that state, or no row.
     */
    private static final String KEPT = """
            WITH RECURSIVE back(seq, prev, n, kept) AS (
              SELECT seq, prev, 0, EXISTS (SELECT 1 FROM change_states s WHERE s.seq = changes.seq) FROM changes
                WHERE seq = ?1 AND space = ?2 AND id = ?3
              UNION ALL
              SELECT c.seq, c.prev, back.n + 1, EXISTS (SELECT 1 FROM change_states s WHERE s.seq = c.seq) FROM back
                JOIN changes c ON c.seq = back.prev
                WHERE NOT back.kept AND back.n < ?4 AND c.space = ?2 AND c.id = ?3
            )
            SELECT s.seq, s.version, s.state FROM back JOIN change_states s ON s.seq = back.seq WHERE back.kept""";
    /** The record's oldest kept state newer than a time: every change after it is newer too. */
    private static final String KEPT_AFTER = "SELECT seq FROM change_states WHERE space = ? AND id = ? AND time > ?"
            + " ORDER BY time, seq LIMIT 1";
    private static final String CHANGE = "SELECT space, id, prev FROM changes WHERE seq = ?";
    private static final String NEWEST_STANDING = "SELECT seq FROM entities WHERE space = ? AND id = ?";
    private static final String NEWEST_DELETED = "SELECT seq FROM deleted_heads WHERE space = ? AND id = ?";
    /** Changes one walk of a {@code fields}-filtered page looks for at least: most are screened out unparsed. */
    private static final int SCREENED_WALK = 256;

    private final ReadConnectionPool pool;
    private final PackedText texts;

    SqliteHistoryChain(ReadConnectionPool pool, PackedText texts) {
        this.texts = texts;
        this.pool = pool;
    }

    /**
     * The page {@code query} asks for. The cursor resumes from its own change's {@code prev} (or, if that
     * change was pruned meanwhile, walks from the newest past it).
     */
    HistoryPage page(String space, String id, HistoryQuery query) {
        return pool.read("history", c -> {
            List<FeedChange> page = new ArrayList<>(Math.min(query.size(), 1_000));
            // The walk applies from and to itself; only a fields filter needs a change parsed to be checked.
            boolean check = !query.fields().isEmpty();
            long before = query.beforeSeq() == null ? Long.MAX_VALUE : query.beforeSeq();
            long from = query.fromMillis() == null ? Long.MIN_VALUE : query.fromMillis();
            long to = query.toMillis() == null ? Long.MAX_VALUE : query.toMillis();
            ChangePathScreen screen = ChangePathScreen.of(query.fields());
            c.execute("BEGIN");
            try {
                Long resume = query.beforeSeq() == null ? null : previousOf(c, space, id, before);
                long next = resume != null ? resume : newest(c, space, id);
                if (resume == null && query.toMillis() != null) {
                    next = Math.min(next, keptAfter(c, space, id, to, next));
                }
                PreparedStatement walk = c.prepare(walk(screen));
                while (next > 0 && page.size() < query.size()) {
                    int wanted = query.size() - page.size();
                    int look = screen.all() ? wanted : Math.max(wanted, SCREENED_WALK);
                    walk.setLong(1, next);
                    walk.setString(2, space);
                    walk.setString(3, id);
                    walk.setLong(4, from);
                    walk.setLong(5, before);
                    walk.setLong(6, to);
                    walk.setInt(7, look);
                    screen.bind(walk, SCREEN_PARAMETERS);
                    boolean more = false;
                    next = 0;
                    try (ResultSet rs = walk.executeQuery()) {
                        while (rs.next() && page.size() < query.size()) {
                            long seq = rs.getLong(1);
                            next = rs.getLong(2);
                            more = rs.getInt(3) >= look;
                            byte[] json = texts.read(rs, 4);
                            if (json == null) {
                                continue; // where the walk stopped, screened out
                            }
                            if (!check || screen.mayTouch(json)
                                    && query.matches(EntityChange.fromJson(JsonCodec.read(json, "change " + seq), seq))) {
                                page.add(StoredFeedChange.of(seq, json)); // answered as stored (a create reshaped)
                            }
                        }
                    }
                    if (!more) {
                        break; // the chain ended, or went below from, before the walk found what it looked for
                    }
                }
            } finally {
                c.execute("COMMIT");
            }
            return HistoryPage.ofEntries(page, query.size());
        });
    }

    /** The walk with {@code screen}'s condition on each found change's text. */
    private static String walk(ChangePathScreen screen) {
        return WALK.formatted("(chain.seq < ?5 AND chain.time <= ?6 AND " + screen.condition("c.change", SCREEN_PARAMETERS) + ")");
    }

    /** The newest state kept at most {@code maxBack} changes back from the record's change {@code atSeq}. */
    Optional<KeptState> keptState(String space, String id, long atSeq, int maxBack) {
        return pool.read("keptState", c -> {
            PreparedStatement s = c.prepare(KEPT);
            s.setLong(1, atSeq);
            s.setString(2, space);
            s.setString(3, id);
            s.setInt(4, maxBack);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new KeptState(rs.getLong(1), rs.getLong(2), JsonCodec.read(texts.read(rs, 3), "state " + rs.getLong(1))))
                        : Optional.<KeptState>empty();
            }
        });
    }

    /** The seq of the record's newest change: the record's own, or its delete's; 0 when it has none. */
    private static long newest(ReadConnection c, String space, String id) throws SQLException {
        for (String sql : new String[] {NEWEST_STANDING, NEWEST_DELETED}) {
            PreparedStatement s = c.prepare(sql);
            s.setString(1, space);
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        return 0;
    }

    /**
     * Where a walk for changes at or before {@code to} may start instead of {@code newest}: the change of the
     * record's oldest state kept after {@code to} (times never go back in seq order, so every change after it is
     * after {@code to} too, and the walk would only step over them), or {@code newest} when there is none.
     */
    private static long keptAfter(ReadConnection c, String space, String id, long to, long newest) throws SQLException {
        PreparedStatement s = c.prepare(KEPT_AFTER);
        s.setString(1, space);
        s.setString(2, id);
        s.setLong(3, to);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : newest;
        }
    }

    /**
     * The change before the cursor's (0: none), if the cursor's change is still there; else null, and the
     * walk starts from the newest.
     */
    private static Long previousOf(ReadConnection c, String space, String id, long cursor) throws SQLException {
        PreparedStatement s = c.prepare(CHANGE);
        s.setLong(1, cursor);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() && space.equals(rs.getString(1)) && id.equals(rs.getString(2)) ? rs.getLong(3) : null;
        }
    }
}
