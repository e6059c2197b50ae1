package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.store.StoreOpenException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory, created if needed and locked for this process: two stores writing one database
 * would hand out the same sequence numbers, so a second opener is refused with a clear message.
 */
final class DataDirectory implements AutoCloseable {
    static final String LOCK_FILE = "entity-store.lock";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static DataDirectory open(Path dir) {
        Path path = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new StoreOpenException("Cannot create data directory " + path + ": " + reason(e, path), e);
        }
        if (!Files.isDirectory(path)) {
            throw new StoreOpenException("Data directory " + path + " is not a directory", null);
        }
        FileChannel channel;
        try {
            // Creating the lock file doubles as the writability probe (isWritable says yes to root).
            channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreOpenException("Data directory " + path + " is not writable: " + reason(e, path), e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(path, null);
            }
            return new DataDirectory(path, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(path, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreOpenException("Cannot lock data directory " + path + ": " + reason(e, path), e);
        } catch (StoreOpenException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it anyway
        }
        closeQuietly(lockChannel);
    }

    private static StoreOpenException inUse(Path path, Throwable cause) {
        return new StoreOpenException("Data directory " + path + " is in use by another Entity Store", cause);
    }

    /** A short reason, naming a file only when it is not the directory the message already names. */
    static String reason(IOException e, Path path) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name exists";
        }
        if (e instanceof FileSystemException f) {
            String why = f.getReason() != null ? f.getReason()
                    : e instanceof NoSuchFileException ? "no such file or directory"
                    : e.getClass().getSimpleName();
            boolean otherFile = f.getFile() != null && !f.getFile().equals(path.toString());
            return otherFile ? f.getFile() + ": " + why : why;
        }
        return String.valueOf(e.getMessage());
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
