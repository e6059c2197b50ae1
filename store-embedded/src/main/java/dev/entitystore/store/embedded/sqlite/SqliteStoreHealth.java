package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.health.ComponentHealth;
import dev.entitystore.domain.health.HealthCheck;
import dev.entitystore.domain.health.HealthLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The record store's health. Critical when its data directory or database file was removed or replaced
 * (writes are then refused: they could not be made durable); degraded when its disk is nearly full
 * (SQLite then fails the commit and nothing is applied, but the operator should hear of it first).
 */
final class SqliteStoreHealth implements HealthCheck {
    static final String NAME = "recordStore";
    /** Below this much free space on the data directory's disk, the store says so. */
    static final long LOW_DISK_BYTES = 256L * 1024 * 1024;

    private final SqliteEntityStore store;
    /** Whether the data directory or database file is gone: then writes cannot be made durable. */
    private final DataFilesWatch files;

    SqliteStoreHealth(SqliteEntityStore store, DataFilesWatch files) {
        this.store = store;
        this.files = files;
    }

    @Override
    public Optional<String> refusesWrites() {
        return files.problem();
    }

    @Override
    public ComponentHealth check() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("path", store.dbFile().toString());
        meta.put("lastSeqNo", store.lastSeqNo());
        meta.put("pendingWrites", store.pendingWrites());
        if (store.isClosed()) {
            return new ComponentHealth(NAME, HealthLevel.UNAVAILABLE, "The entity store is closed (the server is stopping)", meta);
        }
        Optional<String> lost = files.problem();
        if (lost.isPresent()) {
            return new ComponentHealth(NAME, HealthLevel.CRITICAL, lost.get() + ". Writes are refused (503), nothing of them "
                    + "applied. Stop the server, put the data directory back or restore a backup into it, and start again", meta);
        }
        // statvfs on the directory: Files.getFileStore would parse the mount table on every status request.
        long free = store.dbFile().getParent().toFile().getUsableSpace();
        meta.put("freeBytes", free);
        if (free < LOW_DISK_BYTES) {
            return new ComponentHealth(NAME, HealthLevel.DEGRADED, "The data directory's disk has " + free / (1024 * 1024)
                    + " MiB free; when it is full, writes answer 503 and nothing of them is applied. Free some space", meta);
        }
        return new ComponentHealth(NAME, HealthLevel.AVAILABLE, "The entity store is available", meta);
    }
}
