package dev.entitystore.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on a free loopback port with a fresh data directory, for one test class. Register
 * with {@code @RegisterExtension static RunningServer server = new RunningServer();}.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> environment;
    private EntityStoreServer server;
    private Path dataDir;
    private HttpClientForTests client;

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
        start();
    }

    /** Starts (again) on the same data directory, e.g. after {@link #stop()} to test persistence. */
    public void start() {
        ServerConfig config = ServerConfig.from(environment).withPortAndDataDir(0, dataDir);
        server = EntityStoreServer.start(config);
        client = new HttpClientForTests("http://127.0.0.1:" + server.port());
    }

    public void stop() {
        server.close();
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

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (!context.getUniqueId().equals(startedBy)) {
            return;
        }
        startedBy = null;
        server.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
