package dev.entitystore.server.backup;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.RunningServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/entity_store/backup} on each backend. */
abstract class BackupHttpSuite {
    static final Path BACKUPS = temporaryDirectory();

    @RegisterExtension
    static RunningServer server = new RunningServer(Map.of("ENTITY_STORE_BACKUP_DIR", BACKUPS.toString()));

    static final String BACKUP = "/api/entity_store/backup";

    static HttpClientForTests client() {
        return server.client();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("entity-store-backups");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_embedded_store_is_backed_up_and_opensearch_points_at_its_snapshots() {
        HttpClientForTests.Answer answer = client().post(BACKUP, "{\"name\":\"route-" + (server.onOpenSearch() ? "os" : "sqlite") + "\"}");
        if (server.onOpenSearch()) {
            assertError(answer, 400, "Bad Request", "The OpenSearch backend is backed up with the cluster's snapshot API,"
                    + " not by this server (README, \"Backup and restore\")");
            return;
        }
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Path path = Path.of(answer.json().path("path").asText());
        assertThat(path.getParent()).isEqualTo(BACKUPS.toAbsolutePath().normalize());
        assertThat(path.resolve("entity-store.db")).isRegularFile();
        assertThat(path.resolve("backup.json")).isRegularFile();
        assertError(client().post(BACKUP, "{\"name\":\"route-sqlite\"}"), 400, "Bad Request",
                "Backup target " + path + " exists already; name a new directory");
    }

    @Test
    void a_name_that_is_a_path_is_refused() {
        HttpClientForTests.Answer answer = client().post(BACKUP, "{\"name\":\"../../etc\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).startsWith("[request body]: name");
        assertThat(BACKUPS.getParent().resolve("etc")).doesNotExist();
    }
}
