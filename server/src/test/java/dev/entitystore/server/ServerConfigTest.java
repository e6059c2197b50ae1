package dev.entitystore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void defaultsAreKibanasPortOnLoopbackWithDataInTheWorkingDirectory() {
        ServerConfig config = ServerConfig.from(Map.of());
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(5601);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.backend()).isEqualTo(ServerConfig.Backend.SQLITE);
        assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(config.limits().maxBulkItems()).isEqualTo(10_000);
        assertThat(config.limits().clientTimeoutSeconds()).isEqualTo(30);
    }

    @Test
    void requestLimitsComeFromFlagsOrVariables() {
        ServerConfig config = ServerConfig.from(Map.of("ENTITY_STORE_MAX_BULK_ITEMS", "50"), "--client-timeout-seconds", "5");
        assertThat(config.limits()).isEqualTo(new ServerConfig.RequestLimits(50, 5, ServerConfig.RequestLimits.DEFAULT_MAX_PENDING_WRITES,
                ServerConfig.RequestLimits.DEFAULT_MAX_PROFILE_BYTES, ServerConfig.RequestLimits.DEFAULT_MAX_IMPORT_BYTES,
                ServerConfig.RequestLimits.DEFAULT_IDEMPOTENCY_WINDOW_SECONDS,
                ServerConfig.RequestLimits.DEFAULT_MAX_QUEUE_WAIT_MILLIS));
        assertThatThrownBy(() -> ServerConfig.from(Map.of("ENTITY_STORE_MAX_BULK_ITEMS", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bulk item limit '0'")
                .hasMessageContaining("ENTITY_STORE_MAX_BULK_ITEMS");
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--client-timeout-seconds=soon"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("client timeout 'soon'");
    }

    @Test
    void theIdempotencyWindowIsADayByDefaultAndConfigurable() {
        assertThat(ServerConfig.from(Map.of()).limits().idempotencyWindowSeconds()).isEqualTo(86_400);
        assertThat(ServerConfig.from(Map.of("ENTITY_STORE_IDEMPOTENCY_WINDOW_SECONDS", "3600")).limits()
                .idempotencyWindowSeconds()).isEqualTo(3_600);
        assertThat(ServerConfig.from(Map.of(), "--idempotency-window-seconds=60").limits().idempotencyWindowSeconds())
                .isEqualTo(60);
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--idempotency-window-seconds", "0"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("idempotency window '0' is not a positive number of seconds"
                        + " (ENTITY_STORE_IDEMPOTENCY_WINDOW_SECONDS / --idempotency-window-seconds)");
        assertThat(ServerConfig.USAGE).contains("--idempotency-window-seconds", "ENTITY_STORE_IDEMPOTENCY_WINDOW_SECONDS");
    }

    @Test
    void theQueueWaitBoundIsASecondByDefaultConfigurableAndZeroTurnsItOff() {
        assertThat(ServerConfig.from(Map.of()).limits().maxQueueWaitMillis()).isEqualTo(1_000);
        assertThat(ServerConfig.from(Map.of("ENTITY_STORE_MAX_QUEUE_WAIT_MS", "250")).limits().maxQueueWaitMillis()).isEqualTo(250);
        assertThat(ServerConfig.from(Map.of(), "--max-queue-wait-ms", "0").limits().maxQueueWaitMillis()).isZero();
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--max-queue-wait-ms", "-1"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("queue wait limit '-1' is not a positive number of milliseconds (or 0)"
                        + " (ENTITY_STORE_MAX_QUEUE_WAIT_MS / --max-queue-wait-ms)");
    }

    @Test
    void profileSizeLimitIsTenMegabytesByDefaultAndConfigurable() {
        assertThat(ServerConfig.from(Map.of()).limits().maxProfileBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(ServerConfig.from(Map.of("ENTITY_STORE_MAX_PROFILE_BYTES", "1024")).limits().maxProfileBytes()).isEqualTo(1024);
        assertThat(ServerConfig.from(Map.of(), "--max-profile-bytes", "20971520").limits().maxProfileBytes()).isEqualTo(20_971_520L);
        assertThatThrownBy(() -> ServerConfig.from(Map.of("ENTITY_STORE_MAX_PROFILE_BYTES", "10mb")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("profile size limit '10mb'")
                .hasMessageContaining("ENTITY_STORE_MAX_PROFILE_BYTES");
    }

    @Test
    void pendingWriteLimitComesFromFlagOrVariableAndMustBePositive() {
        assertThat(ServerConfig.from(Map.of()).limits().maxPendingWrites()).isEqualTo(5_000);
        assertThat(ServerConfig.from(Map.of("ENTITY_STORE_MAX_PENDING_WRITES", "200")).limits().maxPendingWrites()).isEqualTo(200);
        assertThat(ServerConfig.from(Map.of("ENTITY_STORE_MAX_PENDING_WRITES", "200"), "--max-pending-writes", "300")
                .limits().maxPendingWrites()).isEqualTo(300);
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--max-pending-writes", "0"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pending write limit '0'")
                .hasMessageContaining("ENTITY_STORE_MAX_PENDING_WRITES / --max-pending-writes");
    }

    @Test
    void variablesSetEachSetting() {
        ServerConfig config = ServerConfig.from(Map.of(
                "ENTITY_STORE_HOST", "localhost", "ENTITY_STORE_PORT", "7000", "ENTITY_STORE_DATA_DIR", "/tmp/x",
                "ENTITY_STORE_BACKEND", "OpenSearch", "ENTITY_STORE_OPENSEARCH_URL", "http://127.0.0.1:9200"));
        assertThat(config.host()).isEqualTo("localhost");
        assertThat(config.port()).isEqualTo(7000);
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.backend()).isEqualTo(ServerConfig.Backend.OPENSEARCH);
        assertThat(config.openSearch().url()).isEqualTo("http://127.0.0.1:9200");
    }

    @Test
    void flagsWinOverVariablesInBothSpellings() {
        ServerConfig config = ServerConfig.from(Map.of("ENTITY_STORE_PORT", "7000"), "--port=7001", "--data-dir", "d");
        assertThat(config.port()).isEqualTo(7001);
        assertThat(config.dataDir()).isEqualTo(Path.of("d"));
    }

    @Test
    void badSettingsAreRefusedWithOneClearSentence() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("ENTITY_STORE_PORT", "http")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("port 'http'");
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--port", "70000"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("ENTITY_STORE_BACKEND", "mongo")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown backend 'mongo'");
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--colour"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--port"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("needs a value");
    }

    @Test
    void anonymousServerRefusesToListenBeyondLoopback() {
        ServerConfig config = ServerConfig.from(Map.of("ENTITY_STORE_HOST", "0.0.0.0", "ENTITY_STORE_PORT", "0"));
        assertThatThrownBy(() -> EntityStoreServer.start(config))
                .isInstanceOf(ConfigException.class).hasMessageContaining("only served on loopback");
    }

    @Test
    void openSearchOptionsAreGroupedAndTheirPasswordsNeverPrinted() {
        ServerConfig config = ServerConfig.from(Map.of("ENTITY_STORE_BACKEND", "opensearch",
                "ENTITY_STORE_OPENSEARCH_URL", "https://search.internal:9200", "ENTITY_STORE_OPENSEARCH_USERNAME", "es",
                "ENTITY_STORE_OPENSEARCH_PASSWORD", "s3cret"), "--opensearch-index-prefix", "team-a-");
        assertThat(config.openSearch().username()).isEqualTo("es");
        assertThat(config.openSearch().password()).isEqualTo("s3cret");
        assertThat(config.openSearch().indexPrefix()).isEqualTo("team-a-");
        assertThat(config.toString()).doesNotContain("s3cret");
        assertThat(ServerConfig.from(Map.of()).openSearch().indexPrefix()).isEqualTo("entity-store-");
    }

    @Test
    void theOpenSearchBackendNeedsAUsableUrlAndPrefix() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("ENTITY_STORE_BACKEND", "opensearch")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ENTITY_STORE_OPENSEARCH_URL");
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--backend", "opensearch", "--opensearch-url", "127.0.0.1:9200"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is not http(s)://host:port");
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--backend", "opensearch", "--opensearch-url",
                "http://127.0.0.1:9200,127.0.0.1:9201"))
                .isInstanceOf(ConfigException.class).hasMessage("OpenSearch URL '127.0.0.1:9201' is not http(s)://host:port"
                        + " (ENTITY_STORE_OPENSEARCH_URL / --opensearch-url)");
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--backend", "opensearch", "--opensearch-url",
                "http://127.0.0.1:9200,,http://127.0.0.1:9201"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("have an empty entry");
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--backend", "opensearch", "--opensearch-url",
                "http://127.0.0.1:9200", "--opensearch-index-prefix", "Upper"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("index prefix 'Upper'");
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--backend", "opensearch", "--opensearch-url",
                "http://127.0.0.1:9200", "--opensearch-truststore", "/nonexistent/ca.p12"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a readable file");
    }

    @Test
    void theOpenSearchUrlMayNameSeveralNodes() {
        ServerConfig config = ServerConfig.from(Map.of("ENTITY_STORE_BACKEND", "opensearch",
                "ENTITY_STORE_OPENSEARCH_URL", "http://10.0.0.1:9200, http://10.0.0.2:9200,http://10.0.0.3:9200"));
        assertThat(config.openSearch().url()).isEqualTo("http://10.0.0.1:9200, http://10.0.0.2:9200,http://10.0.0.3:9200");
    }

    @Test
    void aClusterThatDoesNotAnswerStopsStartUpWithOneLine() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ServerConfig config = ServerConfig.from(Map.of("ENTITY_STORE_BACKEND", "opensearch",
                "ENTITY_STORE_OPENSEARCH_URL", "http://127.0.0.1:" + closedPort, "ENTITY_STORE_PORT", "0"));
        assertThatThrownBy(() -> EntityStoreServer.start(config))
                .isInstanceOf(ConfigException.class)
                .hasMessage("OpenSearch at http://127.0.0.1:" + closedPort
                        + " does not answer: connection refused (ENTITY_STORE_OPENSEARCH_URL / --opensearch-url)");
    }

    @Test
    void openSearchTimeoutsHaveDefaultsAndRefuseWhatIsNotAPositiveNumberOfSeconds() {
        ServerConfig.OpenSearch defaults = ServerConfig.from(Map.of()).openSearch();
        assertThat(defaults.connectTimeoutSeconds()).isEqualTo(5);
        assertThat(defaults.socketTimeoutSeconds()).isEqualTo(60);
        ServerConfig.OpenSearch set = ServerConfig.from(Map.of("ENTITY_STORE_OPENSEARCH_SOCKET_TIMEOUT_SECONDS", "90"),
                "--opensearch-connect-timeout-seconds", "2").openSearch();
        assertThat(set.connectTimeoutSeconds()).isEqualTo(2);
        assertThat(set.socketTimeoutSeconds()).isEqualTo(90);
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--opensearch-socket-timeout-seconds", "0"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("OpenSearch socket timeout '0' is not a positive whole number"
                        + " (ENTITY_STORE_OPENSEARCH_SOCKET_TIMEOUT_SECONDS / --opensearch-socket-timeout-seconds)");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("ENTITY_STORE_OPENSEARCH_CONNECT_TIMEOUT_SECONDS", "5s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("(ENTITY_STORE_OPENSEARCH_CONNECT_TIMEOUT_SECONDS / --opensearch-connect-timeout-seconds)");
    }

    /** A node that takes connections and never answers (hung, or a black hole) fails the start within the timeout. */
    @Test
    void aClusterThatTakesTheConnectionButNeverAnswersStopsStartUpWithinTheSocketTimeout() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            ServerConfig config = ServerConfig.from(Map.of("ENTITY_STORE_BACKEND", "opensearch",
                    "ENTITY_STORE_OPENSEARCH_URL", "http://127.0.0.1:" + silent.getLocalPort(), "ENTITY_STORE_PORT", "0",
                    "ENTITY_STORE_OPENSEARCH_SOCKET_TIMEOUT_SECONDS", "1"));
            long started = System.nanoTime();
            assertThatThrownBy(() -> EntityStoreServer.start(config))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("OpenSearch at http://127.0.0.1:" + silent.getLocalPort()
                            + " does not answer: no answer in time (ENTITY_STORE_OPENSEARCH_URL / --opensearch-url)");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(30));
        }
    }

    @Test
    void logLevelIsValidatedNotGuessed() {
        assertThat(ServerConfig.from(Map.of()).logging().level()).isEqualTo("INFO");
        assertThat(ServerConfig.from(Map.of("ENTITY_STORE_LOG_LEVEL", "debug")).logging().level()).isEqualTo("DEBUG");
        assertThat(ServerConfig.from(Map.of(), "--log-level", "warn").logging().level()).isEqualTo("WARN");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("ENTITY_STORE_LOG_LEVEL", "LOUD")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("log level 'LOUD' is not TRACE, DEBUG, INFO, WARN, ERROR or OFF (ENTITY_STORE_LOG_LEVEL / --log-level)");
    }

    @Test
    void accessLogIsOnByDefaultAndBooleansAreStrict() {
        assertThat(ServerConfig.from(Map.of()).logging().accessLog()).isTrue();
        assertThat(ServerConfig.from(Map.of(), "--access-log=false").logging().accessLog()).isFalse();
        assertThat(ServerConfig.from(Map.of()).security().metricsAllowAnonymousLoopback()).isFalse();
        assertThatThrownBy(() -> ServerConfig.from(Map.of("ENTITY_STORE_ACCESS_LOG", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("'yes' is not true or false (ENTITY_STORE_ACCESS_LOG / --access-log)");
    }

    @Test
    void theAutomatedResolutionRunsDailyByDefaultOnAnyIntervalOrNotAtAll() {
        assertThat(ServerConfig.from(Map.of()).resolutionInterval()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(ServerConfig.from(Map.of("ENTITY_STORE_RESOLUTION_INTERVAL", "90m")).resolutionInterval())
                .isEqualTo(java.time.Duration.ofMinutes(90));
        assertThat(ServerConfig.from(Map.of(), "--resolution-interval", "2d").resolutionInterval()).isEqualTo(java.time.Duration.ofDays(2));
        assertThat(ServerConfig.from(Map.of(), "--resolution-interval=30s").resolutionInterval()).isEqualTo(java.time.Duration.ofSeconds(30));
        ServerConfig off = ServerConfig.from(Map.of("ENTITY_STORE_RESOLUTION_INTERVAL", "off"));
        assertThat(off.resolutionScheduled()).isFalse();
        assertThat(off.withPortAndDataDir(0, Path.of("x")).resolutionScheduled()).isFalse();
        for (String bad : new String[] {"0h", "24", "1w", "-1h", "daily", "1.5h"}) {
            assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--resolution-interval", bad)).as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("interval '" + bad + "' is not off nor a positive number followed by s, m, h or d, e.g. 24h"
                            + " (ENTITY_STORE_RESOLUTION_INTERVAL / --resolution-interval)");
        }
    }

    @Test
    void helpNamesEveryFlagItsVariableAndItsDefault() {
        for (ServerSetting setting : ServerSetting.values()) {
            assertThat(ServerConfig.USAGE).contains(setting.flag).contains(setting.variable)
                    .contains("default: " + (setting.fallback == null ? "(none)" : setting.fallback));
        }
        assertThat(ServerConfig.USAGE).contains("ENTITY_STORE_LOG_LEVEL").contains("default: INFO")
                .contains("ENTITY_STORE_PORT").contains("default: 5601").contains("--version");
    }
}
