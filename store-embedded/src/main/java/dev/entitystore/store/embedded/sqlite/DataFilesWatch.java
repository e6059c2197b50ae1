package dev.entitystore.store.embedded.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * Notices the data directory or the database file being removed or replaced under the running store.
 * SQLite keeps writing to the files it opened, so without this a write after {@code rm -rf data} is
 * acknowledged into an unlinked file and lost at the next stop. Compares each path's file identity
 * (device and inode) with the one seen at open: one {@code stat} per path, cheap enough for every commit.
 */
final class DataFilesWatch {
    private final Path directory;
    private final Path dbFile;
    private final Object directoryKey;
    private final Object dbFileKey;

    private DataFilesWatch(Path directory, Path dbFile, Object directoryKey, Object dbFileKey) {
        this.directory = directory;
        this.dbFile = dbFile;
        this.directoryKey = directoryKey;
        this.dbFileKey = dbFileKey;
    }

    /** Remembers what the paths are now; call once the database file exists. */
    static DataFilesWatch of(Path directory, Path dbFile) throws IOException {
        return new DataFilesWatch(directory, dbFile, key(directory), key(dbFile));
    }

    /** What is wrong with the files, if anything, in words an operator can act on. */
    Optional<String> problem() {
        Optional<String> directoryProblem = changed(directory, directoryKey, "data directory");
        return directoryProblem.isPresent() ? directoryProblem : changed(dbFile, dbFileKey, "database file");
    }

    private static Optional<String> changed(Path path, Object expected, String what) {
        try {
            Object now = key(path);
            if (expected != null && !Objects.equals(expected, now)) {
                return Optional.of("the " + what + " " + path + " was replaced while the server was running");
            }
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.of("the " + what + " " + path + " was removed while the server was running");
        } catch (IOException e) {
            return Optional.of("the " + what + " " + path + " cannot be read: " + DataDirectory.reason(e, path));
        }
    }

    /** The file's identity; on a file system without one, existence is all that is checked. */
    private static Object key(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }
}
