package dev.entitystore.domain.backup;

import java.nio.file.Path;

/**
 * What a backup holds: where it is, the last change in it (every change up to it, none after), how many
 * entity records, its size, and how long it took.
 */
public record BackupSummary(Path path, long lastSeqNo, long entities, long bytes, long tookMillis) {}
