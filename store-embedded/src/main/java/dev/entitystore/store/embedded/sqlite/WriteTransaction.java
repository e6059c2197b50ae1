package dev.entitystore.store.embedded.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.store.CommittedChange;
import dev.entitystore.domain.store.StoredEntity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The write connection and its prepared statements, used only by the writer thread, plus the sequence
 * counter. Row-level steps only; what a create, merge or bulk means lives in {@link SqliteRecordWrites}.
 *
 * <p>Transactions are driven with plain {@code BEGIN IMMEDIATE}/{@code COMMIT} on an auto-commit
 * connection (not JDBC's {@code setAutoCommit(false)}, which re-opens a transaction right after each
 * commit and would hold the write lock between groups). Each request runs inside a savepoint so that
 * a failing request can be undone without undoing the others in its group.
 */
final class WriteTransaction implements AutoCloseable {
    private final Connection connection;
    private final Statement control;
    private final PreparedStatement select;
    private final PreparedStatement selectSeq;
    private final PreparedStatement insert;
    private final PreparedStatement insertIfAbsent;
    private final PreparedStatement update;
    private final PreparedStatement delete;
    private final PreparedStatement tombstone;
    private final PreparedStatement deleteSpace;
    private final PreparedStatement deleteSpaceTombstones;
    private final PreparedStatement putSetting;
    private final PreparedStatement deleteSetting;
    private final PreparedStatement saveLastSeq;
    private final PreparedStatement insertChange;
    private final PreparedStatement spaceRecords;
    private final PreparedStatement keepState;
    private final HistoryHeads heads;
    private final PackedText texts;
    /** The record's change before the one recorded next (0: none), set by the row step that precedes it. */
    private long previousChange;
    /** The time of the last change recorded: change times never go backwards in seq order. */
    private long lastChangeMillis;

    /** The last seq of a committed transaction, and the last one handed out in the open transaction. */
    private volatile long committedSeq;
    private long seq;
    private long savepointSeq;
    /** The open transaction's changes in seq order, for the commit listener; cut back with the savepoint. */
    private final List<CommittedChange> changes = new ArrayList<>();
    private int savepointChanges;

    WriteTransaction(Connection connection, PackedText texts) throws SQLException {
        this.connection = connection;
        this.texts = texts;
        this.control = connection.createStatement();
        this.select = connection.prepareStatement(
                "SELECT source, seq, version FROM entities WHERE space = ? AND id = ?");
        this.selectSeq = connection.prepareStatement("SELECT seq FROM entities WHERE space = ? AND id = ?");
        this.insert = connection.prepareStatement(
                "INSERT INTO entities (space, id, source, seq, version) VALUES (?, ?, ?, ?, 1)");
        this.insertIfAbsent = connection.prepareStatement(
                "INSERT INTO entities (space, id, source, seq, version) VALUES (?, ?, ?, ?, 1)"
                        + " ON CONFLICT DO NOTHING");
        this.update = connection.prepareStatement(
                "UPDATE entities SET source = ?, seq = ?, version = ? WHERE space = ? AND id = ?");
        this.delete = connection.prepareStatement("DELETE FROM entities WHERE space = ? AND id = ?");
        this.tombstone = connection.prepareStatement("INSERT INTO tombstones (seq, space, id) VALUES (?, ?, ?)");
        this.deleteSpace = connection.prepareStatement("DELETE FROM entities WHERE space = ?");
        this.deleteSpaceTombstones = connection.prepareStatement("DELETE FROM tombstones WHERE space = ?");
        this.putSetting = connection.prepareStatement(
                "INSERT INTO settings (space, key, value) VALUES (?, ?, ?)"
                        + " ON CONFLICT (space, key) DO UPDATE SET value = excluded.value");
        this.deleteSetting = connection.prepareStatement("DELETE FROM settings WHERE space = ? AND key = ?");
        this.saveLastSeq = connection.prepareStatement("UPDATE store_meta SET value = ? WHERE key = 'last_seq'");
        this.insertChange = connection.prepareStatement(
                "INSERT INTO changes (seq, space, id, time, change, prev) VALUES (?, ?, ?, ?, ?, ?)");
        this.spaceRecords = connection.prepareStatement("SELECT id, source, version, seq FROM entities WHERE space = ?");
        this.keepState = connection.prepareStatement("INSERT INTO change_states (seq, space, id, time, version, state)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
        this.heads = new HistoryHeads(connection);
        this.committedSeq = loadLastSeq();
        this.seq = committedSeq;
        // Change times never go backwards in seq order, so the last change holds the latest time: one
        // lookup by primary key, where MAX(time) would read every change (the whole history) at each start.
        try (ResultSet rs = control.executeQuery("SELECT time FROM changes ORDER BY seq DESC LIMIT 1")) {
            this.lastChangeMillis = rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Max of the recorded last seq and the last seq of the log and the tombstones, so a counter can never go
     * backwards. (A record's seq is its change's, and last_seq is saved in each write's transaction; the
     * records' own maximum would be a scan of every record, with no index by seq.)
     */
    private long loadLastSeq() throws SQLException {
        try (ResultSet rs = control.executeQuery("SELECT MAX("
                + "(SELECT value FROM store_meta WHERE key = 'last_seq'),"
                + "COALESCE((SELECT MAX(seq) FROM tombstones), 0),"
                + "COALESCE((SELECT MAX(seq) FROM changes), 0))")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How this store's JSON is stored (read by every reader of the store too). */
    PackedText texts() {
        return texts;
    }

    /** The writer's connection, for work the writer runs that is not a record write (history retention). */
    Connection connection() {
        return connection;
    }

    long committedSeq() {
        return committedSeq;
    }

    // --- transaction control -------------------------------------------------------------------

    void begin() throws SQLException {
        control.execute("BEGIN IMMEDIATE");
    }

    void savepoint() throws SQLException {
        control.execute("SAVEPOINT request");
        savepointSeq = seq;
        savepointChanges = changes.size();
    }

    void releaseSavepoint() throws SQLException {
        control.execute("RELEASE request");
    }

    void rollbackToSavepoint() throws SQLException {
        control.execute("ROLLBACK TO request");
        control.execute("RELEASE request");
        seq = savepointSeq;
        changes.subList(savepointChanges, changes.size()).clear();
    }

    void commit() throws SQLException {
        if (seq != committedSeq) {
            saveLastSeq.setLong(1, seq);
            saveLastSeq.executeUpdate();
        }
        control.execute("COMMIT");
        committedSeq = seq;
    }

    /** The changes of the transaction just committed, in seq order; clears them. */
    List<CommittedChange> takeCommittedChanges() {
        List<CommittedChange> committed = List.copyOf(changes);
        changes.clear();
        return committed;
    }

    /** Best effort: after a failed commit SQLite may already have rolled back on its own. */
    void rollbackQuietly() {
        seq = committedSeq;
        changes.clear();
        try {
            if (!connection.isClosed()) {
                control.execute("ROLLBACK");
            }
        } catch (SQLException ignored) {
            // no transaction was open any more: nothing to undo
        }
    }

    // --- rows -----------------------------------------------------------------------------------

    Optional<StoredEntity> read(String space, String id) throws SQLException {
        select.setString(1, space);
        select.setString(2, id);
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            ObjectNode source = JsonCodec.read(texts.read(rs, 1), "record " + space + "/" + id);
            return Optional.of(new StoredEntity(id, source, rs.getLong(2), rs.getLong(3)));
        }
    }

    /** The seq of the record as stored now, {@link PreparedMerge#ABSENT} when there is none; reads no source. */
    long storedSeq(String space, String id) throws SQLException {
        selectSeq.setString(1, space);
        selectSeq.setString(2, id);
        try (ResultSet rs = selectSeq.executeQuery()) {
            return rs.next() ? rs.getLong(1) : PreparedMerge.ABSENT;
        }
    }

    /**
     * Writes {@code json} over the record stored at {@code storedSeq} with {@code storedVersion} (or as a new
     * record when {@code storedSeq} is {@link PreparedMerge#ABSENT}); the new seq.
     */
    long write(String space, String id, byte[] json, long storedSeq, long storedVersion) throws SQLException {
        long newSeq = ++seq;
        if (storedSeq == PreparedMerge.ABSENT) {
            bindInsert(insert, space, id, json, newSeq);
            insert.executeUpdate();
            previousChange = heads.take(space, id);
        } else {
            previousChange = storedSeq;
            texts.bind(update, 1, json);
            update.setLong(2, newSeq);
            update.setLong(3, storedVersion + 1);
            update.setString(4, space);
            update.setString(5, id);
            update.executeUpdate();
        }
        changes.add(CommittedChange.upsert(newSeq, space, id, json));
        return newSeq;
    }

    /** Inserts unless the record exists; {@code json} is {@code source} already serialised by the caller. */
    Optional<StoredEntity> insertIfAbsent(String space, String id, ObjectNode source, byte[] json)
            throws SQLException {
        long newSeq = seq + 1;
        bindInsert(insertIfAbsent, space, id, json, newSeq);
        if (insertIfAbsent.executeUpdate() == 0) {
            return Optional.empty();
        }
        seq = newSeq;
        previousChange = heads.take(space, id);
        changes.add(CommittedChange.upsert(newSeq, space, id, json));
        return Optional.of(new StoredEntity(id, source, newSeq, 1));
    }

    /**
     * Deletes the record, which stands at {@code storedSeq}; the tombstone's seq (where its delete change
     * goes, the newest of its history from now on), or 0 if there was no record.
     */
    long delete(String space, String id, long storedSeq) throws SQLException {
        delete.setString(1, space);
        delete.setString(2, id);
        if (delete.executeUpdate() == 0) {
            return 0;
        }
        addTombstone(space, id);
        heads.put(space, id, seq);
        previousChange = storedSeq;
        return seq;
    }

    /**
     * Deletes the space's records, each with its delete change ({@code changeOf} describes it at the seq
     * given); its single-record tombstones give way to one space tombstone.
     */
    long deleteSpace(String space, DeletedRecordChange changeOf) throws SQLException {
        spaceRecords.setString(1, space);
        try (ResultSet rs = spaceRecords.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                ObjectNode source = JsonCodec.read(texts.read(rs, 2), "record " + space + "/" + id);
                previousChange = rs.getLong(4);
                recordChange(changeOf.describe(new StoredEntity(id, source, 0, rs.getLong(3))), ++seq);
                heads.put(space, id, seq);
            }
        }
        deleteSpace.setString(1, space);
        long deleted = deleteSpace.executeUpdate();
        deleteSpaceTombstones.setString(1, space);
        deleteSpaceTombstones.executeUpdate();
        addTombstone(space, null);
        return deleted;
    }

    /** The delete change of one record of a space being deleted. */
    @FunctionalInterface
    interface DeletedRecordChange {
        EntityChange describe(StoredEntity deleted);
    }

    /** The time for the next change: now, or the last change's time if the clock went back. */
    long changeTime() {
        lastChangeMillis = Math.max(lastChangeMillis, System.currentTimeMillis());
        return lastChangeMillis;
    }

    /** Records the change of the write just made at {@code changeSeq}, in the same transaction. */
    void recordChange(EntityChange change, long changeSeq) throws SQLException {
        insertChange(change, changeSeq, JsonCodec.writeUtf8(change.at(changeSeq).toJson()));
    }

    /**
     * Records a create: its fields are the created record, kept as the record's JSON already serialised
     * ({@link EntityChange#CREATED}) rather than flattened and serialised again on this, the only writer, thread.
     */
    void recordCreate(EntityChange change, long changeSeq, byte[] createdJson) throws SQLException {
        recordChange(change, changeSeq, EntityChange.CREATED, createdJson);
    }

    /** Records a change whose fields were serialised already, off this thread ({@link PreparedMerge}). */
    void recordChange(EntityChange change, long changeSeq, byte[] fieldsJson) throws SQLException {
        recordChange(change, changeSeq, "fields", fieldsJson);
    }

    /** The change's header serialised here, with {@code json} spliced in as {@code key} (always last). */
    private void recordChange(EntityChange change, long changeSeq, String key, byte[] json) throws SQLException {
        ObjectNode header = change.at(changeSeq).toJson();
        header.remove("fields");
        byte[] headerJson = JsonCodec.writeUtf8(header);
        byte[] splice = (",\"" + key + "\":").getBytes(StandardCharsets.UTF_8);
        ByteBuffer row = ByteBuffer.allocate(headerJson.length - 1 + splice.length + json.length + 1);
        row.put(headerJson, 0, headerJson.length - 1).put(splice).put(json).put((byte) '}');
        insertChange(change, changeSeq, row.array());
    }

    private void insertChange(EntityChange change, long changeSeq, byte[] json) throws SQLException {
        insertChange.setLong(1, changeSeq);
        insertChange.setString(2, change.space());
        insertChange.setString(3, change.id());
        insertChange.setLong(4, change.timeMillis());
        texts.bind(insertChange, 5, json);
        if (previousChange == 0) {
            insertChange.setNull(6, java.sql.Types.INTEGER);
        } else {
            insertChange.setLong(6, previousChange);
        }
        previousChange = 0;
        insertChange.executeUpdate();
    }

    /** Keeps {@code json}, the record as {@code change} at {@code changeSeq} left it, beside that change (same transaction). */
    void keepState(EntityChange change, long changeSeq, byte[] json) throws SQLException {
        keepState.setLong(1, changeSeq);
        keepState.setString(2, change.space());
        keepState.setString(3, change.id());
        keepState.setLong(4, change.timeMillis());
        keepState.setLong(5, change.version());
        texts.bind(keepState, 6, json);
        keepState.executeUpdate();
    }

    void putSetting(String space, String key, String json) throws SQLException {
        putSetting.setString(1, space);
        putSetting.setString(2, key);
        putSetting.setString(3, json);
        putSetting.executeUpdate();
    }

    boolean deleteSetting(String space, String key) throws SQLException {
        deleteSetting.setString(1, space);
        deleteSetting.setString(2, key);
        return deleteSetting.executeUpdate() > 0;
    }

    private void addTombstone(String space, String id) throws SQLException {
        tombstone.setLong(1, ++seq);
        tombstone.setString(2, space);
        tombstone.setString(3, id);
        tombstone.executeUpdate();
        changes.add(id == null ? CommittedChange.spaceDeleted(seq, space) : CommittedChange.delete(seq, space, id));
    }

    private void bindInsert(PreparedStatement statement, String space, String id, byte[] json, long seq)
            throws SQLException {
        statement.setString(1, space);
        statement.setString(2, id);
        texts.bind(statement, 3, json);
        statement.setLong(4, seq);
    }

    /** SQLite's own checkpoint on commit, once the WAL holds this many pages (a backstop: see {@link WalCheckpointer}). */
    void autoCheckpointAt(int pages) throws SQLException {
        control.execute("PRAGMA wal_autocheckpoint=" + pages);
    }

    /** Folds the WAL back into the database file, so a clean shutdown leaves one file. */
    void checkpoint() throws SQLException {
        control.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
