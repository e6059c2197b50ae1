package dev.entitystore.server.status;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.RunningServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded store's data directory removed under the running server (the case that used to answer
 * 200 to writes and lose them at the next stop): the status says critical with 503, writes answer 503
 * with nothing applied, and a restart starts cleanly.
 */
class LostDataDirectoryHttpTest {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    @Test
    void a_removed_data_directory_turns_the_status_critical_and_refuses_writes() throws IOException {
        HttpClientForTests client = server.client();
        assertThat(client.post("/api/security/entity_store/install", "{}").status()).isIn(200, 201);
        assertThat(client.post("/api/security/entity_store/entities/host", "{\"host\":{\"name\":\"before\"}}").status())
                .isEqualTo(200);

        deleteTree(server.dataDir());

        HttpClientForTests.Answer status = client.get("/api/status");
        assertThat(status.status()).isEqualTo(503);
        JsonNode body = status.json().path("status");
        assertThat(body.at("/overall/level").asText()).isEqualTo("critical");
        assertThat(body.at("/overall/summary").asText()).startsWith("recordStore: the data directory ")
                .contains("was removed while the server was running");
        assertThat(body.at("/core/recordStore/level").asText()).isEqualTo("critical");

        HttpClientForTests.Answer write = client.post("/api/security/entity_store/entities/host", "{\"host\":{\"name\":\"after\"}}");
        assertError(write, 503, "Service Unavailable", "The entity store cannot accept writes: the data directory "
                + server.dataDir().toAbsolutePath().normalize() + " was removed while the server was running; nothing was applied");
        assertThat(client.get("/api/security/entity_store/entities/host/host:after").status()).isEqualTo(404);

        server.stop();
        server.start();
        assertThat(server.client().get("/api/status").status()).isEqualTo(200);
    }

    /**
     * Removes the directory as an operator's {@code rm -r} would. The running index may write a file into it
     * meanwhile (a background commit or merge): the walk then goes again until nothing is left.
     */
    private static void deleteTree(Path root) throws IOException {
        for (int attempt = 0; Files.exists(root) && attempt < 50; attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (DirectoryNotEmptyException | NoSuchFileException | UncheckedIOException raced) {
                // a file appeared or went while walking: walk again
            }
        }
        if (Files.exists(root)) {
            throw new IOException(root + " could not be removed: the server kept writing into it");
        }
    }
}
