package dev.entitystore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar started the way the README says ({@code java -jar server/target/entity-store-server.jar}),
 * answering {@code /api/status}, and stopping cleanly on SIGTERM. Runs after {@code package}.
 */
class ServerJarIT {
    private static final Path JAR = Path.of("target", "entity-store-server.jar");
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+) .*started in (\\d+) ms");

    @TempDir
    Path dataDir;

    @Test
    void jarStartsServesStatusAndStopsCleanlyOnSigterm() throws Exception {
        Process process = start("--port", "0", "--data-dir", dataDir.toString());
        BlockingQueue<String> lines = drain(process);
        try {
            Matcher listening = awaitLine(lines, LISTENING, 60);
            int port = Integer.parseInt(listening.group(1));
            System.out.println("[jar] started in " + listening.group(2) + " ms, jar size " + Files.size(JAR) / 1024 + " KiB");

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> status = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);

            // SIGTERM through the handle: Process.destroy() would also close our end of its output.
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(awaitLine(lines, Pattern.compile("Stopped$"), 10)).isNotNull();
            assertThat(process.exitValue()).as("a clean stop on SIGTERM exits 0").isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void badSettingStopsStartUpWithOneLineAndNoTrace() throws Exception {
        Finished process = finish("--backend", "mongo", "--data-dir", dataDir.toString());
        String output = process.output();
        assertThat(process.code()).isEqualTo(2);
        assertThat(output).isEqualTo("entity-store: unknown backend 'mongo': use sqlite or opensearch (ENTITY_STORE_BACKEND / --backend)");
    }

    @Test
    void versionComesFromTheBuildAndIsInTheManifest() throws Exception {
        Finished process = finish("--version");
        String output = process.output();
        assertThat(process.code()).isZero();
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
            String manifestVersion = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
            assertThat(manifestVersion).isNotBlank();
            assertThat(output).isEqualTo("entity-store " + manifestVersion);
        }
    }

    @Test
    void helpListsEveryVariableWithItsDefault() throws Exception {
        Finished process = finish("--help");
        String output = process.output();
        assertThat(process.code()).isZero();
        assertThat(output).contains("--log-level").contains("ENTITY_STORE_LOG_LEVEL").contains("default: INFO")
                .contains("--max-pending-writes").contains("default: 5000");
    }

    @Test
    void backupAndRestoreAreCommandsOfTheJar() throws Exception {
        Finished backup = finish("backup", "--to", dataDir.resolve("copy").toString(), "--data-dir", dataDir.resolve("none").toString());
        assertThat(backup.code()).isEqualTo(1);
        assertThat(backup.output()).isEqualTo("entity-store backup: There is no entity store at " + dataDir.resolve("none")
                + " to back up");
        Finished help = finish("restore", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.output()).startsWith("Usage: java -jar entity-store-server.jar restore --from DIR");
    }

    @Test
    void mistypedLogLevelStopsStartUp() throws Exception {
        Finished process = finish("--log-level", "LOUD", "--data-dir", dataDir.toString());
        String output = process.output();
        assertThat(process.code()).isEqualTo(2);
        assertThat(output).isEqualTo("entity-store: log level 'LOUD' is not TRACE, DEBUG, INFO, WARN, ERROR or OFF"
                + " (ENTITY_STORE_LOG_LEVEL / --log-level)");
    }

    @Test
    void keyPrintedByTheJarsCredentialsCommandOpensTheServerItStarts() throws Exception {
        Path credentials = dataDir.resolve("credentials.json");
        Finished add = finish("credentials", "add-key", "--name", "ops", "--spaces", "default", "--read-only",
                "--file", credentials.toString());
        String output = add.output();
        assertThat(add.code()).as(output).isZero();
        String key = output.lines().reduce((first, second) -> second).orElseThrow();

        Process process = start("--port", "0", "--data-dir", dataDir.resolve("data").toString(),
                "--credentials-file", credentials.toString());
        BlockingQueue<String> lines = drain(process);
        try {
            int port = Integer.parseInt(awaitLine(lines, LISTENING, 60).group(1));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI status = URI.create("http://127.0.0.1:" + port + "/api/status");
            assertThat(client.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(401);
            assertThat(client.send(HttpRequest.newBuilder(status).header("Authorization", "ApiKey " + key).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            process.toHandle().destroy();
            process.waitFor(60, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    @Test
    void badKeyStoreStopsStartUpWithOneLine() throws Exception {
        Path junk = Files.write(dataDir.resolve("junk.p12"), new byte[] {1, 2, 3});
        Finished process = finish("--data-dir", dataDir.resolve("data").toString(), "--tls-keystore", junk.toString(),
                "--tls-keystore-password", "whatever");
        String output = process.output();
        assertThat(process.code()).isEqualTo(2);
        assertThat(output).startsWith("entity-store: cannot read TLS key store " + junk).doesNotContain("\n");
        assertThat(output.lines().count()).isEqualTo(1);
    }

    /** A run of the jar that ends by itself: its exit code and its output, stripped. */
    private record Finished(int code, String output) {}

    private static Finished finish(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Finished(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("ENTITY_STORE_"));
        builder.environment().put("ENTITY_STORE_RESOLUTION_INTERVAL", "off"); // no scheduled run in a test server
        return builder.start();
    }

    private static BlockingQueue<String> drain(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    System.out.println("[jar] " + line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static Matcher awaitLine(BlockingQueue<String> lines, Pattern pattern, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
        }
        throw new AssertionError("no line matching " + pattern + " within " + seconds + " s");
    }
}
