package dev.entitystore.store.embedded.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The newest change of each record that no longer stands ({@code deleted_heads}), on the writer's connection.
 *
 * <p>A record's history is a chain: each change names the record's change before it ({@code prev}), and
 * the newest is found from the record itself, whose seq is its last write's. A deleted record has no row
 * to start from, so its delete change is kept here, until the record is created again and its create
 * change links back to it. Only deletes and re-creates touch this table; an update of a standing record
 * writes no index entry for its history at all.
 */
final class HistoryHeads {
    private final PreparedStatement take;
    private final PreparedStatement put;

    HistoryHeads(Connection connection) throws SQLException {
        this.take = connection.prepareStatement("DELETE FROM deleted_heads WHERE space = ? AND id = ? RETURNING seq");
        this.put = connection.prepareStatement("INSERT INTO deleted_heads (space, id, seq) VALUES (?, ?, ?)"
                + " ON CONFLICT (space, id) DO UPDATE SET seq = excluded.seq");
    }

    /** The delete change of a record being created again (0 if it never stood before), removed from here. */
    long take(String space, String id) throws SQLException {
        take.setString(1, space);
        take.setString(2, id);
        try (ResultSet rs = take.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Records {@code seq}, the delete change of a record just deleted, as its history's newest. */
    void put(String space, String id, long seq) throws SQLException {
        put.setString(1, space);
        put.setString(2, id);
        put.setLong(3, seq);
        put.executeUpdate();
    }
}
