package dev.entitystore.server.status;

import dev.entitystore.store.opensearch.OpenSearchForTests;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A single OpenSearch node of a test's own (not the shared test node, which must never be stopped), started
 * with {@code scripts/opensearch.sh} under {@code server/target/opensearch-restart} on a fixed free port,
 * so that it can be killed and started again on the same address with its data.
 */
final class OwnOpenSearchNode implements AutoCloseable {
    private final Path script = OpenSearchForTests.script();
    private final Path home = script.getParent().getParent().resolve("server/target/opensearch-restart");
    private final int port;

    private OwnOpenSearchNode(int port) {
        this.port = port;
    }

    /** A new node with no data (fetched and unpacked on first use: a minute or more). */
    static OwnOpenSearchNode start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OwnOpenSearchNode node = new OwnOpenSearchNode(port);
        node.run("start", false);
        return node;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL, as a crash or a pulled plug: nothing is flushed beyond what each write already synced. */
    void kill() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(home.resolve("opensearch.pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no node process " + pid));
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Starts the node again on the same port and data (its indices recover from their translogs). */
    void restart() throws IOException {
        run("start", true);
    }

    @Override
    public void close() throws IOException {
        run("stop", false);
    }

    private void run(String command, boolean keepData) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> environment = builder.environment();
        environment.put("OPENSEARCH_DIR", home.toString());
        environment.put("OPENSEARCH_PORT", Integer.toString(port));
        environment.put("OPENSEARCH_HEAP", "512m");
        environment.put("OPENSEARCH_KEEP_DATA", keepData ? "1" : "0");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("scripts/opensearch.sh " + command + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running scripts/opensearch.sh " + command, e);
        }
    }
}
