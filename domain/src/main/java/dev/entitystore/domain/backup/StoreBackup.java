package dev.entitystore.domain.backup;

import java.nio.file.Path;

/**
 * The backup port of a store that can copy itself while it serves (the embedded store). A store whose
 * data lives in a cluster leaves backups to the cluster's own snapshots.
 */
public interface StoreBackup {

    /**
     * Writes a consistent copy of the store into {@code target}, a directory that must not exist yet:
     * every write acknowledged before the call began is in it, and no request is in it by halves.
     *
     * @throws dev.entitystore.domain.error.InvalidRequestException when the target exists or cannot be made
     * @throws dev.entitystore.domain.error.StoreUnavailableException when the store cannot be read
     */
    BackupSummary backupTo(Path target);
}
