package dev.entitystore.server.backup;

import dev.entitystore.api.BackupApi;
import dev.entitystore.api.model.BackupAnswer;
import dev.entitystore.api.model.BackupRequest;
import dev.entitystore.domain.backup.BackupSummary;
import dev.entitystore.domain.backup.StoreBackup;
import dev.entitystore.domain.error.InvalidRequestException;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * {@code POST /api/entity_store/backup}: an online backup of the embedded store into a new directory under
 * the configured backup directory. The client names the directory at most, never a path: the server
 * writes only where its operator said.
 */
public final class BackupResource implements BackupApi {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final Optional<StoreBackup> backup;
    private final Path backupDir;

    /** @param backupDir where backups go; null when none is configured */
    public BackupResource(Optional<StoreBackup> backup, Path backupDir) {
        this.backup = backup;
        this.backupDir = backupDir;
    }

    @Override
    public Response backupEntityStore(String kbnXsrf, BackupRequest request) {
        if (backup.isEmpty()) {
            throw new InvalidRequestException("The OpenSearch backend is backed up with the cluster's snapshot API,"
                    + " not by this server (README, \"Backup and restore\")");
        }
        if (backupDir == null) {
            throw new InvalidRequestException("No backup directory is configured (ENTITY_STORE_BACKUP_DIR / --backup-dir)");
        }
        String name = request == null || request.getName() == null
                ? "entity-store-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC))
                : request.getName();
        BackupSummary summary = backup.get().backupTo(backupDir.resolve(name));
        BackupAnswer answer = new BackupAnswer();
        answer.setPath(summary.path().toString());
        answer.setLastSeqNo(summary.lastSeqNo());
        answer.setEntities(summary.entities());
        answer.setBytes(summary.bytes());
        answer.setTookMs(summary.tookMillis());
        return Response.ok(answer).build();
    }
}
