package dev.entitystore.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** A running server: the HTTP listener over the application. Started by {@code Main} and by tests. */
public final class EntityStoreServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EntityStoreServer.class);
    private static final long GRACE_SECONDS = 30;
    private static final int WORKER_THREADS = 64;

    private final HttpServer http;
    private final Backend backend;
    private final ServerConfig config;
    private volatile boolean stopped;

    private EntityStoreServer(HttpServer http, Backend backend, ServerConfig config) {
        this.http = http;
        this.backend = backend;
        this.config = config;
    }

    public static EntityStoreServer start(ServerConfig config) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            // Grizzly and Jersey log through java.util.logging: route it to our logging.
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        requireLoopbackWithoutCredentials(config.host());
        Backend backend = config.backend() == ServerConfig.Backend.OPENSEARCH
                ? Backend.opensearch(config)
                : Backend.embedded(config);
        URI uri = URI.create("http://" + hostForUri(config.host()) + ":" + config.port() + "/");
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(uri,
                ApplicationFactory.create(config, backend.store(), backend.search()), false);
        // Kibana's delete routes take a JSON body on DELETE; Grizzly drops such bodies unless told.
        http.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
        // Writes wait for their group commit (an fsync): many workers let many writes share one commit.
        // Grizzly's default (two per core) would cap single writes at a few per fsync.
        for (NetworkListener listener : http.getListeners()) {
            listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                    .setPoolName("entity-store-worker").setCorePoolSize(WORKER_THREADS).setMaxPoolSize(WORKER_THREADS));
        }
        try {
            http.start();
        } catch (BindException e) {
            backend.close();
            throw new ConfigException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage()
                    + " (is the port in use? set ENTITY_STORE_PORT / --port)", e);
        } catch (IOException e) {
            backend.close();
            throw new ConfigException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        return new EntityStoreServer(http, backend, config);
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return http.getListener("grizzly").getPort();
    }

    public ServerConfig config() {
        return config;
    }

    /** The storage the server runs on (tests build a second application over it to inspect routes). */
    Backend backend() {
        return backend;
    }

    /** Stops accepting, lets requests in flight finish (up to a grace period), then closes the store. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            http.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get();
        } catch (Exception e) {
            LOG.warn("HTTP listener did not stop cleanly: {}", e.toString());
            http.shutdownNow();
        }
        backend.close();
    }

    /**
     * Without credentials (none can be configured yet) the server is anonymous, so it may only be
     * reachable from this machine.
     */
    private static void requireLoopbackWithoutCredentials(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    throw new ConfigException("refusing to listen on " + host
                            + " without credentials: anonymous access is only served on loopback (use 127.0.0.1)");
                }
            }
        } catch (UnknownHostException e) {
            throw new ConfigException("cannot resolve host '" + host + "' (ENTITY_STORE_HOST / --host)", e);
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
