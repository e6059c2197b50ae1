package dev.entitystore.server.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credentials file as the server sees it now: read at start-up, and read again when it changes
 * (looked at no more than once a second), so a key removed with the command stops working without a
 * restart. A file that becomes unreadable or invalid grants nothing until fixed (fail closed).
 */
final class ReloadingCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingCredentials.class);
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    /** The entries by kind and id, and which version of the file they came from. */
    record Snapshot(Map<String, StoredCredential> entries, Object stamp) {
        StoredCredential find(StoredCredential.Kind kind, String id) {
            return entries.get(key(kind, id));
        }
    }

    private final Path file;
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    private ReloadingCredentials(Path file, Snapshot snapshot) {
        this.file = file;
        this.snapshot = snapshot;
        this.checkedAt = System.nanoTime();
    }

    /** Reads the file now; a missing or invalid file is the caller's start-up refusal. */
    static ReloadingCredentials open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("credentials file " + file + " does not exist");
        }
        return new ReloadingCredentials(file, read(file));
    }

    int size() {
        return snapshot.entries().size();
    }

    Snapshot current() {
        long now = System.nanoTime();
        if (now - checkedAt < CHECK_EVERY_NANOS) {
            return snapshot;
        }
        synchronized (this) {
            if (now - checkedAt < CHECK_EVERY_NANOS) {
                return snapshot;
            }
            checkedAt = now;
            Object stamp = stampOf(file);
            if (!Objects.equals(stamp, snapshot.stamp())) {
                snapshot = reload();
            }
            return snapshot;
        }
    }

    private Snapshot reload() {
        try {
            Snapshot fresh = read(file);
            LOG.info("Credentials file {} changed: {} credential(s) now", file, fresh.entries().size());
            return fresh;
        } catch (IOException | RuntimeException e) {
            LOG.error("Credentials file {} cannot be read ({}): refusing every credential until it is fixed", file, e.getMessage());
            return new Snapshot(Map.of(), stampOf(file));
        }
    }

    private static Snapshot read(Path file) throws IOException {
        Object stamp = stampOf(file);
        List<StoredCredential> entries = CredentialsFile.read(file);
        Map<String, StoredCredential> byKey = new HashMap<>();
        for (StoredCredential entry : entries) {
            byKey.put(key(entry.kind(), entry.id()), entry);
        }
        return new Snapshot(Map.copyOf(byKey), stamp);
    }

    /** What changes when the file is replaced or edited; null when it is gone. */
    private static Object stampOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(attributes.lastModifiedTime(), attributes.size(), String.valueOf(attributes.fileKey()));
        } catch (IOException e) {
            return null;
        }
    }

    private static String key(StoredCredential.Kind kind, String id) {
        return kind + ":" + id;
    }
}
