package dev.entitystore.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.EntityStoreServer;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@link BackupHttpSuite} on the embedded store, and the whole round: a backup over HTTP while clients
 * write, restored with the jar's {@code restore} command into a new data directory, served again.
 */
class BackupHttpTest extends BackupHttpSuite {
    private static final int ITEMS = 4;

    @Test
    void a_backup_taken_under_write_load_restores_every_acknowledged_write_and_no_bulk_by_halves() throws Exception {
        assertThat(client().post("/api/entity_store/engines/host/init", "{}").status()).isEqualTo(200);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    String bulk = "w" + writer + "-" + n;
                    StringBuilder body = new StringBuilder("{\"entities\":[");
                    for (int k = 0; k < ITEMS; k++) {
                        body.append(k == 0 ? "" : ",").append("{\"type\":\"host\",\"record\":{\"entity\":{\"id\":\"host:")
                                .append(bulk).append('-').append(k).append("\"}}}");
                    }
                    HttpClientForTests.Answer answer = client().put("/api/entity_store/entities/bulk", body.append("]}").toString());
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    acknowledged.add(bulk);
                }
                return null;
            }));
        }
        Thread.sleep(500);
        Set<String> before = Set.copyOf(acknowledged);
        HttpClientForTests.Answer backup = client().post(BACKUP, "{\"name\":\"under-load\"}");
        Thread.sleep(200);
        running.set(false);
        for (Future<?> writer : done) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();
        assertThat(backup.status()).as(backup.body()).isEqualTo(200);
        assertThat(acknowledged.size()).as("writes went on during the backup").isGreaterThan(before.size());

        Path restored = Files.createTempDirectory("entity-store-restored").resolve("data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = BackupCommands.run(BackupCommands.RESTORE, new String[] {"--from", backup.json().path("path").asText(),
                "--data-dir", restored.toString()}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("restored ").contains("rebuilds the search index");

        try (EntityStoreServer again = EntityStoreServer.start(ServerConfig.from(Map.of()).withPortAndDataDir(0, restored))) {
            HttpClientForTests copy = new HttpClientForTests("http://127.0.0.1:" + again.port());
            for (String bulk : before) {
                for (int k = 0; k < ITEMS; k++) {
                    assertThat(copy.get("/api/security/entity_store/entities/host/host:" + bulk + "-" + k).status())
                            .as(bulk + " was answered before the backup began").isEqualTo(200);
                }
            }
            long present = 0;
            for (String bulk : acknowledged) {
                int items = 0;
                for (int k = 0; k < ITEMS; k++) {
                    items += copy.get("/api/security/entity_store/entities/host/host:" + bulk + "-" + k).status() == 200 ? 1 : 0;
                }
                assertThat(items).as(bulk + " whole or absent").isIn(0, ITEMS);
                present += items;
            }
            assertThat(present).isEqualTo(backup.json().path("entities").asLong());
            // The index was rebuilt from the restored store: the list finds them all.
            JsonNode list = copy.get("/api/entity_store/entities/list?entity_types=host&per_page=1").json();
            assertThat(list.path("total").asLong()).isEqualTo(present);
        }
    }

    @Test
    void backup_and_restore_commands_refuse_what_they_cannot_do_with_one_line() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(BackupCommands.run(BackupCommands.BACKUP, new String[] {}, Map.of(), System.out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("entity-store backup: --to is required");
        err.reset();
        assertThat(BackupCommands.run(BackupCommands.RESTORE, new String[] {"--from", "/nonexistent/backup"},
                Map.of("ENTITY_STORE_DATA_DIR", server.dataDir().toString()), System.out, errors)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("entity-store restore: /nonexistent/backup holds no backup"
                + " (no entity-store.db)" + System.lineSeparator());
        err.reset();
        assertThat(BackupCommands.run(BackupCommands.BACKUP, new String[] {"--to", "/tmp/x"},
                Map.of("ENTITY_STORE_BACKEND", "opensearch"), System.out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("snapshot API");
    }

    @Test
    void the_backup_command_copies_a_running_servers_store() throws Exception {
        Path target = Files.createTempDirectory("entity-store-cli").resolve("copy");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = BackupCommands.run(BackupCommands.BACKUP, new String[] {"--to", target.toString()},
                Map.of("ENTITY_STORE_DATA_DIR", server.dataDir().toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("backed up ").contains(target.toString());
        assertThat(target.resolve("entity-store.db")).isRegularFile();
    }
}
