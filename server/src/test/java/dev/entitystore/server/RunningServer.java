package dev.entitystore.server;

import dev.entitystore.store.opensearch.OpenSearchAddresses;
import dev.entitystore.store.opensearch.OpenSearchForTests;
import dev.entitystore.store.opensearch.OpenSearchSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on a free loopback port with a fresh data directory, for one test class. Register
 * with {@code @RegisterExtension static RunningServer server = new RunningServer();}. A test class marked
 * {@link OnOpenSearch} gets the server on the OpenSearch test node, under a fresh index prefix whose
 * indices are deleted afterwards; {@link #startPeer} then adds more servers on the same indices, as N
 * servers behind a load balancer.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> environment;
    private Map<String, String> startedWith;
    private String indexPrefix;
    private EntityStoreServer server;
    private Path dataDir;
    private HttpClientForTests client;
    private final List<EntityStoreServer> peers = new ArrayList<>();
    private final List<Path> peerDirs = new ArrayList<>();

    public RunningServer() {
        this(Map.of());
    }

    public RunningServer(Map<String, String> environment) {
        this.environment = environment;
    }

    private String startedBy;

    /** Nested test classes see the extension too: the outermost class starts and stops the server once. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (startedBy != null) {
            return;
        }
        startedBy = context.getUniqueId();
        dataDir = Files.createTempDirectory("entity-store-test");
        // No automated resolution on a schedule unless a test asks for one: a run must never fire by accident.
        Map<String, String> withDefaults = new HashMap<>(environment);
        withDefaults.putIfAbsent("ENTITY_STORE_RESOLUTION_INTERVAL", "off");
        // No 429 for a request that waited a second for a request thread, unless a test asks for it: on a
        // machine loaded by other builds, a suite's concurrent writers can wait that long (seen as flaky 429s).
        withDefaults.putIfAbsent("ENTITY_STORE_MAX_QUEUE_WAIT_MS", "0");
        startedWith = Map.copyOf(withDefaults);
        indexPrefix = null;
        if (OnOpenSearch.class.isAssignableFrom(context.getRequiredTestClass())) {
            OpenSearchSettings node = OpenSearchForTests.freshSettings();
            indexPrefix = node.indexPrefix();
            Map<String, String> onOpenSearch = new HashMap<>(startedWith);
            onOpenSearch.put("ENTITY_STORE_BACKEND", "opensearch");
            onOpenSearch.put("ENTITY_STORE_OPENSEARCH_URL", OpenSearchAddresses.show(node.urls()));
            onOpenSearch.put("ENTITY_STORE_OPENSEARCH_INDEX_PREFIX", indexPrefix);
            startedWith = Map.copyOf(onOpenSearch);
        }
        start();
    }

    /** Starts (again) on the same data directory, e.g. after {@link #stop()} to test persistence. */
    public void start() {
        ServerConfig config = ServerConfig.from(startedWith).withPortAndDataDir(0, dataDir);
        server = EntityStoreServer.start(config);
        client = new HttpClientForTests("http://127.0.0.1:" + server.port());
    }

    public void stop() {
        server.close();
    }

    /**
     * Starts another server on the same store (the same OpenSearch node and index prefix, its own data
     * directory) and answers a client of it; it stops with this one.
     */
    public HttpClientForTests startPeer() throws IOException {
        if (!onOpenSearch()) {
            throw new IllegalStateException("only servers on OpenSearch share one store");
        }
        Path peerDir = Files.createTempDirectory("entity-store-peer");
        peerDirs.add(peerDir);
        EntityStoreServer peer = EntityStoreServer.start(ServerConfig.from(startedWith).withPortAndDataDir(0, peerDir));
        peers.add(peer);
        return new HttpClientForTests("http://127.0.0.1:" + peer.port());
    }

    public HttpClientForTests client() {
        return client;
    }

    public int port() {
        return server.port();
    }

    public ServerConfig config() {
        return server.config();
    }

    Backend backend() {
        return server.backend();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Whether this server runs on OpenSearch (some checks read the embedded store's files). */
    public boolean onOpenSearch() {
        return indexPrefix != null;
    }

    private static void deleteIndices(String prefix) throws IOException {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(OpenSearchForTests.url() + "/" + prefix + "*")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("deleting the test indices " + prefix + "* answered " + answer.statusCode() + ": " + answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted deleting the test indices " + prefix + "*", e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (!context.getUniqueId().equals(startedBy)) {
            return;
        }
        startedBy = null;
        server.close();
        peers.forEach(EntityStoreServer::close);
        peers.clear();
        if (indexPrefix != null) {
            deleteIndices(indexPrefix);
        }
        deleteDirectory(dataDir);
        peerDirs.forEach(RunningServer::deleteDirectory);
        peerDirs.clear();
    }

    private static void deleteDirectory(Path directory) {
        if (!Files.exists(directory)) {
            return; // a test removed it
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
