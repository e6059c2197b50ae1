package dev.entitystore.server.backup;

import dev.entitystore.domain.backup.BackupSummary;
import dev.entitystore.domain.error.EntityStoreException;
import dev.entitystore.store.embedded.sqlite.SqliteBackup;
import dev.entitystore.store.embedded.sqlite.SqliteRestore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code backup} and {@code restore}: the embedded store copied out while a server may run on it, and a
 * copy put into a new data directory (with no server on it). One line on success, one on failure:
 * exit 0, 1 when the work failed, 2 for a usage error.
 */
public final class BackupCommands {
    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";

    static final String BACKUP_USAGE = """
            Usage: java -jar entity-store-server.jar backup --to DIR [--data-dir DIR]
              Copies the embedded store in the data directory (ENTITY_STORE_DATA_DIR, default ./data) into DIR,
              a new directory, while a server may keep running on it: every write answered before the backup
              began is in it, no request by halves. The search index is not copied (rebuilt on restore).""";
    static final String RESTORE_USAGE = """
            Usage: java -jar entity-store-server.jar restore --from DIR [--data-dir DIR]
              Puts the backup in DIR into the data directory (ENTITY_STORE_DATA_DIR, default ./data), which must
              be new or empty; no server may run on it. Start the server afterwards: it rebuilds the search
              index from the restored store.""";

    private BackupCommands() {}

    public static boolean handles(String command) {
        return BACKUP.equals(command) || RESTORE.equals(command);
    }

    public static int run(String command, String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        String usage = BACKUP.equals(command) ? BACKUP_USAGE : RESTORE_USAGE;
        String other = BACKUP.equals(command) ? "--to" : "--from";
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            out.println(usage);
            return 0;
        }
        if ("opensearch".equalsIgnoreCase(environment.getOrDefault("ENTITY_STORE_BACKEND", "sqlite").trim())) {
            err.println("entity-store " + command + ": the OpenSearch backend is backed up with the cluster's snapshot API"
                    + " (README, \"Backup and restore\")");
            return 2;
        }
        String dataDir = environment.getOrDefault("ENTITY_STORE_DATA_DIR", "./data");
        String where = null;
        for (int i = 0; i < args.length; i++) {
            if (i + 1 >= args.length || !(args[i].equals("--data-dir") || args[i].equals(other))) {
                err.println("entity-store " + command + ": unexpected argument " + args[i] + "\n" + usage);
                return 2;
            }
            if (args[i].equals("--data-dir")) {
                dataDir = args[++i];
            } else {
                where = args[++i];
            }
        }
        if (where == null) {
            err.println("entity-store " + command + ": " + other + " is required\n" + usage);
            return 2;
        }
        try {
            if (BACKUP.equals(command)) {
                BackupSummary summary = new SqliteBackup(Path.of(dataDir)).backupTo(Path.of(where));
                out.printf(Locale.ROOT, "backed up %d entities through change %d into %s (%d bytes, %d ms)%n",
                        summary.entities(), summary.lastSeqNo(), summary.path(), summary.bytes(), summary.tookMillis());
            } else {
                long lastSeqNo = SqliteRestore.restore(Path.of(where), Path.of(dataDir));
                out.printf(Locale.ROOT, "restored %s into %s (through change %d); the server rebuilds the search index"
                        + " when it starts on it%n", Path.of(where).toAbsolutePath().normalize(),
                        Path.of(dataDir).toAbsolutePath().normalize(), lastSeqNo);
            }
            return 0;
        } catch (EntityStoreException e) {
            err.println("entity-store " + command + ": " + e.getMessage());
            return 1;
        }
    }
}
