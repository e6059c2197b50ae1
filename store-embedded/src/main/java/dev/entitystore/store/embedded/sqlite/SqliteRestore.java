package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.store.StoreOpenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts a backup made by {@link SqliteBackup} into a new (or empty) data directory: checks the copy,
 * copies it in under a temporary name, syncs it and moves it into place, then opens the store once to
 * prove it (and migrate an older schema). Never over an existing store: a restore that fails leaves the
 * old data where it was. The search index is rebuilt from the store when the server starts on it. The
 * companion databases (user profiles, exception lists) come back beside the store when the backup has
 * them, put in place before the store so that a directory holding the store holds the whole restore.
 */
public final class SqliteRestore {
    private SqliteRestore() {}

    /** @return the restored store's last seqNo */
    public static long restore(Path backupDir, Path dataDir) {
        Path source = backupDir.toAbsolutePath().normalize().resolve(SqliteEntityStore.DB_FILE_NAME);
        Path directory = dataDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new StoreOpenException(backupDir + " holds no backup (no " + SqliteEntityStore.DB_FILE_NAME + ")", null);
        }
        check(source);
        List<Path> companions = SqliteBackup.COMPANIONS.stream().map(source::resolveSibling)
                .filter(Files::isRegularFile).toList();
        companions.forEach(SqliteRestore::check);
        try {
            Files.createDirectories(directory);
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new StoreOpenException("Data directory " + directory + " is not empty: restore into a new or"
                            + " empty directory (move the old one aside first)", null);
                }
            }
            for (Path companion : companions) {
                place(companion, directory.resolve(companion.getFileName()));
            }
            place(source, directory.resolve(SqliteEntityStore.DB_FILE_NAME));
            SqliteBackup.force(directory);
        } catch (IOException e) {
            throw new StoreOpenException("Cannot restore into " + directory + ": " + DataDirectory.reason(e, directory), e);
        }
        try (SqliteEntityStore store = SqliteEntityStore.open(directory)) {
            return store.lastSeqNo();
        }
    }

    /** Copied in under a temporary name, synced, then moved into place. */
    private static void place(Path source, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".restoring");
        Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        SqliteBackup.force(partial);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** SQLite's own check of the copy's pages and indexes, before anything is written. */
    private static void check(Path source) {
        try (Connection connection = SqliteConnections.openForBackup(source); Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw new StoreOpenException("Backup " + source + " is damaged: " + result, null);
            }
        } catch (SQLException e) {
            throw new StoreOpenException("Backup " + source + " cannot be read: " + e.getMessage(), e);
        }
    }
}
