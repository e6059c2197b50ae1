package dev.entitystore.store.embedded.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.exceptionlist.ExceptionListStore;
import dev.entitystore.domain.exceptionlist.ListObjectVersion;
import dev.entitystore.domain.exceptionlist.ListWrite;
import dev.entitystore.domain.exceptionlist.StoredListObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded {@link ExceptionListStore}: table {@code list_objects} in its own SQLite file,
 * {@code <dataDir>/exception-lists.db}, beside the entity store. Lists and items are few and written
 * rarely, so one connection serves them in turn; each write is its own transaction, committed with
 * {@code synchronous=FULL} before the call returns. An item's {@code item_id} is unique within its list
 * (a unique index, so two concurrent creates cannot both win). Sequence numbers count the writes and
 * never go back (the highest ever given is kept in {@code list_seq}); the primary term is always 1.
 */
public final class SqliteExceptionListStore extends CompanionDatabase implements ExceptionListStore {
    public static final String DB_FILE_NAME = "exception-lists.db";
    private static final long PRIMARY_TERM = 1;
    private static final String COLUMNS = "id, seq_no, primary_term, doc";

    private SqliteExceptionListStore(Connection connection, Path dbFile) {
        super(connection, dbFile, "exception-list store");
    }

    /** Opens (creating the file and its tables if needed) the exception-list database in {@code dataDir}. */
    public static SqliteExceptionListStore open(Path dataDir) {
        Path dbFile = dataDir.toAbsolutePath().normalize().resolve(DB_FILE_NAME);
        return SqliteConnections.openCompanion(dbFile, connection -> {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS list_objects (id TEXT PRIMARY KEY, list_type TEXT NOT NULL,"
                        + " list_id TEXT NOT NULL, item_id TEXT, seq_no INTEGER NOT NULL, primary_term INTEGER NOT NULL,"
                        + " doc TEXT NOT NULL) WITHOUT ROWID");
                s.execute("CREATE UNIQUE INDEX IF NOT EXISTS list_items ON list_objects (list_id, item_id)"
                        + " WHERE list_type = 'item'");
                s.execute("CREATE TABLE IF NOT EXISTS list_seq (id INTEGER PRIMARY KEY CHECK (id = 0), seq_no INTEGER NOT NULL)");
                s.execute("INSERT OR IGNORE INTO list_seq (id, seq_no) VALUES (0, -1)");
            }
            return new SqliteExceptionListStore(connection, dbFile);
        });
    }

    @Override
    public synchronized Optional<StoredListObject> get(String id) {
        return one("SELECT " + COLUMNS + " FROM list_objects WHERE id = ?", "the read of list object " + id, id);
    }

    @Override
    public synchronized Optional<StoredListObject> findItem(String listId, String itemId) {
        return one("SELECT " + COLUMNS + " FROM list_objects WHERE list_type = 'item' AND list_id = ? AND item_id = ?",
                "the read of list item " + itemId, listId, itemId);
    }

    @Override
    public synchronized Optional<StoredListObject> create(String id, ObjectNode attributes) {
        StoredListObject probe = new StoredListObject(id, attributes, null);
        return inTransaction("the creation of list object " + id, () -> {
                if (get(id).isPresent() || (probe.isItem() && findItem(probe.listId(), probe.itemId()).isPresent())) {
                    return Optional.<StoredListObject>empty();
                }
                long seqNo = nextSeqNo();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO list_objects (id, list_type,"
                        + " list_id, item_id, seq_no, primary_term, doc) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, id);
                    insert.setString(2, probe.isItem() ? "item" : "list");
                    insert.setString(3, probe.listId());
                    insert.setString(4, probe.isItem() ? probe.itemId() : null);
                    insert.setLong(5, seqNo);
                    insert.setLong(6, PRIMARY_TERM);
                    insert.setString(7, JsonCodec.write(attributes));
                    insert.executeUpdate();
                }
            return Optional.of(new StoredListObject(id, attributes, new ListObjectVersion(seqNo, PRIMARY_TERM)));
        });
    }

    @Override
    public synchronized ListWrite replace(String id, ObjectNode attributes, ListObjectVersion expected) {
        return inTransaction("the update of list object " + id, () -> {
            Optional<StoredListObject> stored = get(id);
            if (stored.isEmpty()) {
                return new ListWrite.Missing();
            }
            if (expected != null && !expected.equals(stored.get().version())) {
                return new ListWrite.Conflict(stored.get().version());
            }
            long seqNo = nextSeqNo();
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE list_objects SET seq_no = ?, doc = ? WHERE id = ?")) {
                update.setLong(1, seqNo);
                update.setString(2, JsonCodec.write(attributes));
                update.setString(3, id);
                update.executeUpdate();
            }
            return new ListWrite.Written(new StoredListObject(id, attributes, new ListObjectVersion(seqNo, PRIMARY_TERM)));
        });
    }

    @Override
    public synchronized boolean delete(String id) {
        return inTransaction("the deletion of list object " + id, () -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM list_objects WHERE id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public synchronized long countItems(String listId) {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM list_objects WHERE list_type = 'item' AND list_id = ?")) {
            count.setString(1, listId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("the count of the items of list " + listId, e);
        }
    }

    @Override
    public synchronized List<StoredListObject> items(String listId) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM list_objects WHERE list_type = 'item' AND list_id = ?")) {
            select.setString(1, listId);
            List<StoredListObject> items = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(row(rs));
                }
            }
            return items;
        } catch (SQLException e) {
            throw failure("the read of the items of list " + listId, e);
        }
    }

    private Optional<StoredListObject> one(String sql, String what, String... parameters) {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static StoredListObject row(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        return new StoredListObject(id, JsonCodec.read(rs.getBytes(4), "list object " + id),
                new ListObjectVersion(rs.getLong(2), rs.getLong(3)));
    }

    private long nextSeqNo() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE list_seq SET seq_no = seq_no + 1 WHERE id = 0");
            try (ResultSet rs = s.executeQuery("SELECT seq_no FROM list_seq WHERE id = 0")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
