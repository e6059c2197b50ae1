package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.backup.BackupSummary;
import dev.entitystore.domain.backup.StoreBackup;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.error.StoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Online backup of the embedded store with SQLite's {@code VACUUM INTO}: one read transaction over the
 * live database, beside the writer, so the copy is the state of one commit (every write acknowledged
 * before it began, no request by halves), compacted, in a directory of its own with a small manifest.
 * The search index is not copied: a server started on a restored directory rebuilds it from the store.
 * The companion files ({@link #COMPANIONS}: the user profiles and the exception lists, each a file of its own, and the
 * retired idempotency-key file of a store not opened since it was retired) are copied the same way just after, those
 * the directory has; the idempotency keys now live in the entity database and come with it. Works on a running server's data directory from another process too (WAL
 * allows readers beside it).
 */
public final class SqliteBackup implements StoreBackup {
    public static final String MANIFEST = "backup.json";
    /** The databases beside the entity store that a backup carries and a restore puts back. */
    static final List<String> COMPANIONS = List.of(SqliteProfileStore.DB_FILE_NAME, SqliteExceptionListStore.DB_FILE_NAME,
            SqliteIdempotencyStore.DB_FILE_NAME);

    private final Path dbFile;

    /** @param dataDir the data directory of the store to copy (running or not) */
    public SqliteBackup(Path dataDir) {
        this.dbFile = dataDir.toAbsolutePath().normalize().resolve(SqliteEntityStore.DB_FILE_NAME);
    }

    @Override
    public BackupSummary backupTo(Path target) {
        long started = System.nanoTime();
        Path directory = target.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dbFile)) {
            throw new InvalidRequestException("There is no entity store at " + dbFile.getParent() + " to back up");
        }
        try {
            Files.createDirectories(directory.getParent());
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            throw new InvalidRequestException("Backup target " + directory + " exists already; name a new directory");
        } catch (IOException e) {
            throw new InvalidRequestException("Cannot create backup directory " + directory + ": "
                    + DataDirectory.reason(e, directory));
        }
        Path copy = directory.resolve(SqliteEntityStore.DB_FILE_NAME);
        vacuumInto(dbFile, copy, directory);
        List<Path> companionCopies = new ArrayList<>();
        for (String name : COMPANIONS) {
            Path companion = dbFile.resolveSibling(name);
            if (Files.isRegularFile(companion)) {
                vacuumInto(companion, directory.resolve(name), directory);
                companionCopies.add(directory.resolve(name));
            }
        }
        try {
            long[] figures = figures(copy);
            BackupSummary summary = new BackupSummary(directory, figures[0], figures[1], Files.size(copy),
                    (System.nanoTime() - started) / 1_000_000);
            Files.writeString(directory.resolve(MANIFEST), manifest(summary));
            // VACUUM INTO does not fsync its output: a backup reported done must survive a crash.
            force(copy);
            for (Path companionCopy : companionCopies) {
                force(companionCopy);
            }
            force(directory.resolve(MANIFEST));
            force(directory);
            return summary;
        } catch (IOException | SQLException e) {
            throw new StoreUnavailableException("Backup into " + directory + " was written but cannot be checked: "
                    + e.getMessage(), e);
        }
    }

    private static void vacuumInto(Path source, Path copy, Path directory) {
        try (Connection connection = SqliteConnections.openForBackup(source);
             PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, copy.toString());
            vacuum.execute();
        } catch (SQLException e) {
            throw new StoreUnavailableException("Backup of " + source + " into " + directory + " failed: " + e.getMessage(), e);
        }
    }

    /** The backup's last seqNo and entity count, read from the copy itself. */
    private static long[] figures(Path copy) throws SQLException {
        try (Connection connection = SqliteConnections.openForBackup(copy); Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX((SELECT value FROM store_meta WHERE key = 'last_seq'),"
                     + " COALESCE((SELECT MAX(seq) FROM changes), 0), COALESCE((SELECT MAX(seq) FROM tombstones), 0)),"
                     + " (SELECT COUNT(*) FROM entities)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static String manifest(BackupSummary summary) {
        return "{\"format\":1,\"createdAt\":\"" + Instant.now() + "\",\"lastSeqNo\":" + summary.lastSeqNo()
                + ",\"entities\":" + summary.entities() + ",\"bytes\":" + summary.bytes() + "}\n";
    }

    static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
