package dev.entitystore.server.status;

import dev.entitystore.store.opensearch.OpenSearchForTests;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An OpenSearch node of a test's own (not the shared test node, which must never be stopped), started
 * with {@code scripts/opensearch.sh} under {@code server/target/<directory>} on a fixed free port, so
 * that it can be killed and started again on the same address with its data: a single node, or a member
 * of a cluster on loopback ({@link OwnOpenSearchCluster}).
 */
final class OwnOpenSearchNode implements AutoCloseable {
    private final Path script = OpenSearchForTests.script();
    private final Path home;
    private final int port;
    private final String heap;
    private final Map<String, String> clusterSettings;

    private OwnOpenSearchNode(String directory, int port, String heap, Map<String, String> clusterSettings) {
        this.home = script.getParent().getParent().resolve("server/target").resolve(directory);
        this.port = port;
        this.heap = heap;
        this.clusterSettings = clusterSettings;
    }

    /** A new single node with no data (fetched and unpacked on first use: a minute or more). */
    static OwnOpenSearchNode start() throws IOException {
        OwnOpenSearchNode node = new OwnOpenSearchNode("opensearch-restart", freePort(), "512m", Map.of());
        node.run("start", false);
        return node;
    }

    /**
     * A new member of a cluster, started without waiting for it to answer (no member answers before a
     * majority has joined).
     */
    static OwnOpenSearchNode startMember(String name, int httpPort, int transportPort, String members, String seedHosts)
            throws IOException {
        OwnOpenSearchNode node = new OwnOpenSearchNode("opensearch-cluster-" + name, httpPort, "384m", Map.of(
                "OPENSEARCH_CLUSTER_NODES", members, "OPENSEARCH_NODE_NAME", name,
                "OPENSEARCH_TRANSPORT_PORT", Integer.toString(transportPort), "OPENSEARCH_SEED_HOSTS", seedHosts));
        node.run("start", false);
        return node;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
        environment.put("OPENSEARCH_HEAP", heap);
        environment.put("OPENSEARCH_KEEP_DATA", keepData ? "1" : "0");
        environment.putAll(clusterSettings);
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
