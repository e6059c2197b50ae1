package dev.entitystore.store.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The OpenSearch node tests run against: the one named by {@code ENTITY_STORE_TEST_OPENSEARCH_URL}
 * (environment or system property; {@code .ci/run} starts one and sets it), else one started once per
 * JVM with {@code scripts/opensearch.sh} and stopped when the JVM exits. Never skipped: if no node can
 * be had, every test that needs one fails with the reason.
 */
public final class OpenSearchForTests {
    public static final String URL_VARIABLE = "ENTITY_STORE_TEST_OPENSEARCH_URL";

    private static String url;

    private OpenSearchForTests() {
    }

    /** The node's URL; starts one on first use if none was given. */
    public static synchronized String url() {
        if (url == null) {
            String given = System.getProperty(URL_VARIABLE, System.getenv(URL_VARIABLE));
            url = given != null && !given.isBlank() ? given.trim() : startWithScript();
            if (!answers(url)) {
                throw new IllegalStateException("OpenSearch at " + url + " does not answer (" + URL_VARIABLE + ")");
            }
        }
        return url;
    }

    /** Settings for a store of its own on the shared node: a fresh index prefix. */
    public static OpenSearchSettings freshSettings() {
        String prefix = "test-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        return OpenSearchSettings.of(url()).withIndexPrefix(prefix);
    }

    /** Deletes the indices under the settings' prefix and closes the connection (a test's clean-up); null: nothing to do. */
    public static void discard(OpenSearchConnection connection, OpenSearchSettings settings) {
        if (connection == null) {
            return;
        }
        try {
            connection.client().indices().delete(d -> d.index(settings.indexPrefix() + "*").allowNoIndices(true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            connection.close();
        }
    }

    /** {@code scripts/opensearch.sh} of this repository, for a test that needs a node of its own. */
    public static Path script() {
        return repositoryRoot().resolve("scripts/opensearch.sh");
    }

    private static String startWithScript() {
        Path script = script();
        String started = run(script, "start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(script, "stop")));
        return started.lines().reduce((first, last) -> last).orElseThrow().trim();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/opensearch.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("scripts/opensearch.sh not found above " + Path.of("").toAbsolutePath()
                + "; set " + URL_VARIABLE + " to a running OpenSearch");
    }

    private static String run(Path script, String command) {
        try {
            Process process = new ProcessBuilder("bash", script.toString(), command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("scripts/opensearch.sh " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/opensearch.sh " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running scripts/opensearch.sh " + command, e);
        }
    }

    private static boolean answers(String base) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/_cluster/health?wait_for_status=yellow&timeout=30s"))
                            .timeout(Duration.ofSeconds(40)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
