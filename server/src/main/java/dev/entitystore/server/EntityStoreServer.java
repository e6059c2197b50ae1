package dev.entitystore.server;

import dev.entitystore.server.auth.AccessControl;
import dev.entitystore.server.health.HealthMonitor;
import dev.entitystore.server.http.WorkerQueueWait;
import dev.entitystore.server.observe.Observability;
import dev.entitystore.server.observe.RemoteAddressProbe;
import dev.entitystore.server.tls.ServerTls;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import dev.entitystore.server.error.ContainerErrorPage;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.slf4j.Logger;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** A running server: the HTTP listener over the application. Started by {@code Main} and by tests. */
public final class EntityStoreServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EntityStoreServer.class);
    private static final long GRACE_SECONDS = 30;
    private static final int WORKER_THREADS = 64;
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final HttpServer http;
    private final Backend backend;
    private final ServerConfig config;
    private final HealthMonitor monitor;
    private final Observability observability;
    private final AutoCloseable followers;
    private volatile boolean stopped;

    private EntityStoreServer(HttpServer http, Backend backend, ServerConfig config, HealthMonitor monitor,
                              Observability observability, AutoCloseable followers) {
        this.followers = followers;
        this.http = http;
        this.backend = backend;
        this.config = config;
        this.monitor = monitor;
        this.observability = observability;
    }

    public static EntityStoreServer start(ServerConfig config) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            // Grizzly and Jersey log through java.util.logging: route it to our logging.
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        AccessControl access = AccessControl.from(config.security());
        if (!access.checksCredentials()) {
            requireLoopbackWithoutCredentials(config.host());
        }
        SSLEngineConfigurator tls = config.security().hasTls()
                ? ServerTls.configurator(config.security().tlsKeyStore(), config.security().tlsKeyStorePassword())
                : null;
        if (access.checksCredentials() && tls == null && !isLoopbackOnly(config.host())) {
            // Allowed (a TLS-terminating proxy may sit in front), but worth saying.
            LOG.warn("Listening on {} without TLS: credentials cross the network in clear unless a proxy terminates TLS"
                    + " (set ENTITY_STORE_TLS_KEYSTORE)", config.host());
        }
        Backend backend = config.backend() == ServerConfig.Backend.OPENSEARCH
                ? Backend.opensearch(config)
                : Backend.embedded(config);
        URI uri = URI.create((tls != null ? "https://" : "http://") + hostForUri(config.host()) + ":" + config.port() + "/");
        Observability observability = new Observability(config.logging().accessLog());
        observability.watch(backend.health());
        backend.gauges().accept(observability.registry());
        observability.countEntities(backend.census());
        ResourceConfig app = ApplicationFactory.create(config, backend.store(), backend.history(), backend.search(),
                backend.profiles(), backend.exceptionLists(), backend.idempotency(), backend.health(), access, observability,
                backend.backup());
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(uri, app, tls != null, tls, false);
        // Kibana's delete routes take a JSON body on DELETE; Grizzly drops such bodies unless told.
        http.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
        // A failure that escapes Jersey never shows its stack trace to the client.
        http.getServerConfiguration().setDefaultErrorPageGenerator(new ContainerErrorPage());
        http.getServerConfiguration().getMonitoringConfig().getWebServerConfig().addProbes(new RemoteAddressProbe());
        // Writes wait for their group commit (an fsync): many workers let many writes share one commit.
        // Grizzly's default (two per core) would cap single writes at a few per fsync.
        int clientTimeout = config.limits().clientTimeoutSeconds();
        for (NetworkListener listener : http.getListeners()) {
            // Request line and headers: above Node's 16 KiB, so that our own 414 (in Kibana's body) answers
            // a long URI; past this Grizzly answers a bare 400 and closes.
            listener.setMaxHttpHeaderSize(MAX_HEADER_BYTES);
            // Slow clients: a connection idle (or stalled in its request head) for the timeout is closed,
            // and a blocking body read gives up after it (BodyLimitFilter also bounds the whole body).
            listener.getKeepAlive().setIdleTimeoutInSeconds(clientTimeout);
            listener.getTransport().setReadTimeout(clientTimeout, TimeUnit.SECONDS);
            ThreadPoolConfig workers = ThreadPoolConfig.defaultConfig()
                    .setPoolName("entity-store-worker").setCorePoolSize(WORKER_THREADS).setMaxPoolSize(WORKER_THREADS);
            workers.getInitialMonitoringConfig().addProbes(new WorkerQueueWait()); // for QueueWaitShedding
            listener.getTransport().setWorkerThreadPoolConfig(workers);
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
        HealthMonitor monitor = new HealthMonitor(backend.health());
        monitor.start();
        return new EntityStoreServer(http, backend, config, monitor, observability,
                (AutoCloseable) app.getProperty(ApplicationFactory.BACKGROUND_WORK));
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return http.getListener("grizzly").getPort();
    }

    public ServerConfig config() {
        return config;
    }

    /** {@code https} when a TLS key store is configured, else {@code http}. */
    public String scheme() {
        return config.security().hasTls() ? "https" : "http";
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
        monitor.close();
        try {
            followers.close();
        } catch (Exception e) {
            LOG.warn("Change feed followers or the resolution schedule did not stop cleanly: {}", e.toString());
        }
        try {
            http.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get();
        } catch (Exception e) {
            LOG.warn("HTTP listener did not stop cleanly: {}", e.toString());
            http.shutdownNow();
        }
        backend.close();
        observability.close();
    }

    /** Without a credentials file the server is anonymous, so it may only be reachable from this machine. */
    private static void requireLoopbackWithoutCredentials(String host) {
        if (!isLoopbackOnly(host)) {
            throw new ConfigException("refusing to listen on " + host
                    + " without credentials: anonymous access is only served on loopback (use 127.0.0.1,"
                    + " or configure ENTITY_STORE_CREDENTIALS_FILE / --credentials-file)");
        }
    }

    private static boolean isLoopbackOnly(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new ConfigException("cannot resolve host '" + host + "' (ENTITY_STORE_HOST / --host)", e);
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
