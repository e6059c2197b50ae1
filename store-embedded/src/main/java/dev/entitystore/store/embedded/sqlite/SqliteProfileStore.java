package dev.entitystore.store.embedded.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.profile.ProfileRefresh;
import dev.entitystore.domain.profile.ProfileStore;
import dev.entitystore.domain.profile.UserProfile;
import dev.entitystore.domain.profile.VersionedProfile;
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
 * The embedded {@link ProfileStore}: table {@code profiles} in its own SQLite file,
 * {@code <dataDir>/profiles.db}, beside the entity store (whose lock guards the directory). Profile
 * writes are rare, so one connection serves them in turn: each write is its own transaction, committed
 * with {@code synchronous=FULL} before the call returns. The table is created on first use, as
 * Elasticsearch creates its profile index. Sequence numbers count profile writes from 0 and never go
 * back (profiles are never deleted, so the highest stored one is the last given); the primary term is 1.
 */
public final class SqliteProfileStore implements ProfileStore, AutoCloseable {
    public static final String DB_FILE_NAME = "profiles.db";
    private static final long PRIMARY_TERM = 1;

    private final Connection connection;
    private final Path dbFile;
    private boolean exists;

    private SqliteProfileStore(Connection connection, Path dbFile, boolean exists) {
        this.connection = connection;
        this.dbFile = dbFile;
        this.exists = exists;
    }

    /** Opens (creating the file if needed) the profile database in {@code dataDir}. */
    public static SqliteProfileStore open(Path dataDir) {
        Path dbFile = dataDir.toAbsolutePath().normalize().resolve(DB_FILE_NAME);
        return SqliteConnections.openCompanion(dbFile, connection -> {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'profiles'")) {
                return new SqliteProfileStore(connection, dbFile, rs.next());
            }
        });
    }

    @Override
    public synchronized boolean exists() {
        return exists;
    }

    @Override
    public synchronized void ensureExists() {
        if (exists) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS profiles (uid TEXT PRIMARY KEY, seq_no INTEGER NOT NULL,"
                    + " primary_term INTEGER NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID");
            exists = true;
        } catch (SQLException e) {
            throw failure("the creation of the profile table", e);
        }
    }

    @Override
    public synchronized Optional<VersionedProfile> get(String uid) {
        if (!exists) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq_no, primary_term, doc FROM profiles WHERE uid = ?")) {
            select.setString(1, uid);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ObjectNode doc = JsonCodec.read(rs.getBytes(3), "profile " + uid);
                return Optional.of(new VersionedProfile(UserProfile.fromStored(doc), rs.getLong(1), rs.getLong(2)));
            }
        } catch (SQLException e) {
            throw failure("the read of profile " + uid, e);
        }
    }

    @Override
    public synchronized List<VersionedProfile> list() {
        if (!exists) {
            return List.of();
        }
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT uid, seq_no, primary_term, doc FROM profiles ORDER BY uid")) {
            List<VersionedProfile> profiles = new ArrayList<>();
            while (rs.next()) {
                ObjectNode doc = JsonCodec.read(rs.getBytes(4), "profile " + rs.getString(1));
                profiles.add(new VersionedProfile(UserProfile.fromStored(doc), rs.getLong(2), rs.getLong(3)));
            }
            return profiles;
        } catch (SQLException e) {
            throw failure("the list of profiles", e);
        }
    }

    @Override
    public synchronized Optional<VersionedProfile> create(UserProfile profile, ProfileRefresh refresh) {
        ensureExists();
        return write(profile, null);
    }

    @Override
    public synchronized Optional<VersionedProfile> replace(UserProfile profile, long seqNo, long primaryTerm, ProfileRefresh refresh) {
        if (!exists || primaryTerm != PRIMARY_TERM) {
            return Optional.empty();
        }
        return write(profile, seqNo);
    }

    /** One transaction: the version check (absent, or at {@code expectedSeqNo}), the next sequence number, the write. */
    private Optional<VersionedProfile> write(UserProfile profile, Long expectedSeqNo) {
        try {
            return SqliteConnections.inTransaction(connection, c -> {
                Long stored = storedSeqNo(profile.uid());
                boolean expected = expectedSeqNo == null ? stored == null : expectedSeqNo.equals(stored);
                if (!expected) {
                    return Optional.<VersionedProfile>empty();
                }
                long next = nextSeqNo();
                try (PreparedStatement upsert = c.prepareStatement(
                        "INSERT OR REPLACE INTO profiles (uid, seq_no, primary_term, doc) VALUES (?, ?, ?, ?)")) {
                    upsert.setString(1, profile.uid());
                    upsert.setLong(2, next);
                    upsert.setLong(3, PRIMARY_TERM);
                    upsert.setString(4, JsonCodec.write(profile.toStored()));
                    upsert.executeUpdate();
                }
                return Optional.of(new VersionedProfile(profile, next, PRIMARY_TERM));
            });
        } catch (SQLException e) {
            throw failure("the write of profile " + profile.uid(), e);
        }
    }

    private Long storedSeqNo(String uid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq_no FROM profiles WHERE uid = ?")) {
            select.setString(1, uid);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private long nextSeqNo() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq_no), -1) + 1 FROM profiles")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private StoreUnavailableException failure(String what, SQLException e) {
        return new StoreUnavailableException("The profile store " + dbFile.getFileName() + " failed (" + e.getMessage()
                + "): " + what + " was not applied", e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release: an unclosed connection's WAL is recovered on the next open
        }
    }
}
