package dev.entitystore.server;

import dev.entitystore.store.opensearch.OpenSearchAddresses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the server is started: each setting from a {@code --flag} or its {@code ENTITY_STORE_*}
 * variable (the flag wins), else its default. Bad values are refused here with one clear sentence.
 */
public record ServerConfig(
        String host, int port, Path dataDir, Backend backend, OpenSearch openSearch, long maxBodyBytes,
        SecurityOptions security, RequestLimits limits, Logging logging, Path backupDir, Duration resolutionInterval) {

    public enum Backend { SQLITE, OPENSEARCH }

    /** The root log level, and whether each request gets an access log line. */
    public record Logging(String level, boolean accessLog) {
        public static final java.util.Set<String> LEVELS = java.util.Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
    }

    /**
     * What one request may ask of the server (issue "hostile input"): items in a bulk request, and how
     * long a client may take to send its request before the connection is cut; and how long a request's
     * {@code Idempotency-Key} keeps its first answer for retries.
     */
    public record RequestLimits(int maxBulkItems, int clientTimeoutSeconds, int maxPendingWrites, long maxProfileBytes,
                                long maxImportBytes, long idempotencyWindowSeconds, long maxQueueWaitMillis) {
        public static final int DEFAULT_MAX_BULK_ITEMS = 10_000;
        public static final int DEFAULT_CLIENT_TIMEOUT_SECONDS = 30;
        /** Entity writes the embedded store takes in before answering 429 (see README, "Backpressure"). */
        public static final int DEFAULT_MAX_PENDING_WRITES =
                dev.entitystore.store.embedded.sqlite.SqliteEntityStore.DEFAULT_MAX_PENDING_WRITES;
        /** A user profile's whole stored size, at most (Elasticsearch's {@code xpack.security.profile.max_size}). */
        public static final long DEFAULT_MAX_PROFILE_BYTES = dev.entitystore.domain.profile.UserProfiles.DEFAULT_MAX_PROFILE_BYTES;

        /** An import body (streamed to a spool file, not held in memory), at most. */
        public static final long DEFAULT_MAX_IMPORT_BYTES = 4L * 1024 * 1024 * 1024;

        /** How long an {@code Idempotency-Key} keeps its first answer: a day, as common practice. */
        public static final long DEFAULT_IDEMPOTENCY_WINDOW_SECONDS =
                dev.entitystore.domain.idempotency.IdempotentRequests.DEFAULT_WINDOW.toSeconds();

        /**
         * An entity write that waited longer than this for a request thread is refused (429): about what the
         * store's own bound lets an accepted write wait, so that overload answers at once, not in seconds.
         */
        public static final long DEFAULT_MAX_QUEUE_WAIT_MILLIS = 1_000;

        public static RequestLimits defaults() {
            return new RequestLimits(DEFAULT_MAX_BULK_ITEMS, DEFAULT_CLIENT_TIMEOUT_SECONDS, DEFAULT_MAX_PENDING_WRITES,
                    DEFAULT_MAX_PROFILE_BYTES, DEFAULT_MAX_IMPORT_BYTES, DEFAULT_IDEMPOTENCY_WINDOW_SECONDS,
                    DEFAULT_MAX_QUEUE_WAIT_MILLIS);
        }
    }

    /**
     * Where the {@code opensearch} backend finds its cluster. {@code url} is required for that backend;
     * {@code username}/{@code password} for basic authentication, {@code trustStore} (PKCS12 or JKS) for
     * an {@code https} cluster signed by a private CA; {@code indexPrefix} starts every index name;
     * the timeouts bound how long a call waits for a connection and for the cluster's answer.
     */
    public record OpenSearch(String url, String username, String password, Path trustStore, String trustStorePassword,
                             String indexPrefix, int connectTimeoutSeconds, int socketTimeoutSeconds) {
        public static final String DEFAULT_INDEX_PREFIX = "entity-store-";
        public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS =
                (int) dev.entitystore.store.opensearch.OpenSearchSettings.DEFAULT_CONNECT_TIMEOUT.toSeconds();
        public static final int DEFAULT_SOCKET_TIMEOUT_SECONDS =
                (int) dev.entitystore.store.opensearch.OpenSearchSettings.DEFAULT_SOCKET_TIMEOUT.toSeconds();

        /** Never prints the passwords (configurations get logged). */
        @Override
        public String toString() {
            return "OpenSearch[url=" + url + ", username=" + username + ", password=" + (password == null ? null : "***")
                    + ", trustStore=" + trustStore + ", indexPrefix=" + indexPrefix + ", connectTimeoutSeconds="
                    + connectTimeoutSeconds + ", socketTimeoutSeconds=" + socketTimeoutSeconds + "]";
        }
    }

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** {@code --help}: every flag, its variable and default. */
    public static final String USAGE = ServerSetting.usage();

    public static ServerConfig from(Map<String, String> environment, String... args) {
        Map<ServerSetting, String> values = new LinkedHashMap<>();
        for (ServerSetting setting : ServerSetting.values()) {
            String fromEnv = environment.get(setting.variable);
            values.put(setting, fromEnv != null && !fromEnv.isBlank() ? fromEnv.trim() : setting.fallback);
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            ServerSetting setting = ServerSetting.forFlag(name);
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new ConfigException("option " + name + " needs a value");
                }
                value = args[++i];
            }
            values.put(setting, value.trim());
        }
        Backend backend = backend(values.get(ServerSetting.BACKEND));
        return new ServerConfig(
                host(values.get(ServerSetting.HOST)),
                port(values.get(ServerSetting.PORT)),
                Path.of(values.get(ServerSetting.DATA_DIR)),
                backend,
                openSearch(values, backend),
                maxBodyBytes(values.get(ServerSetting.MAX_BODY_BYTES)),
                SecurityOptions.parse(values.get(ServerSetting.CREDENTIALS_FILE),
                        bool(values, ServerSetting.STATUS_ALLOW_ANONYMOUS),
                        bool(values, ServerSetting.METRICS_ALLOW_ANONYMOUS_LOOPBACK),
                        values.get(ServerSetting.TLS_KEYSTORE), values.get(ServerSetting.TLS_KEYSTORE_PASSWORD)),
                new RequestLimits(
                        positive(values.get(ServerSetting.MAX_BULK_ITEMS), "bulk item limit", ServerSetting.MAX_BULK_ITEMS),
                        positive(values.get(ServerSetting.CLIENT_TIMEOUT), "client timeout", ServerSetting.CLIENT_TIMEOUT),
                        positive(values.get(ServerSetting.MAX_PENDING_WRITES), "pending write limit", ServerSetting.MAX_PENDING_WRITES),
                        positiveLong(values.get(ServerSetting.MAX_PROFILE_BYTES), "profile size limit",
                                ServerSetting.MAX_PROFILE_BYTES),
                        positiveLong(values.get(ServerSetting.MAX_IMPORT_BYTES), "import body limit",
                                ServerSetting.MAX_IMPORT_BYTES),
                        positive(values.get(ServerSetting.IDEMPOTENCY_WINDOW), "idempotency window",
                                ServerSetting.IDEMPOTENCY_WINDOW, Long.MAX_VALUE / 1000, "number of seconds"),
                        zeroOrPositive(values.get(ServerSetting.MAX_QUEUE_WAIT), "queue wait limit", ServerSetting.MAX_QUEUE_WAIT)),
                new Logging(logLevel(values.get(ServerSetting.LOG_LEVEL)), bool(values, ServerSetting.ACCESS_LOG)),
                values.get(ServerSetting.BACKUP_DIR) == null ? null : Path.of(values.get(ServerSetting.BACKUP_DIR)),
                interval(values.get(ServerSetting.RESOLUTION_INTERVAL), ServerSetting.RESOLUTION_INTERVAL));
    }

    /** The same settings on another port (tests use 0 for a free one) and data directory. */
    public ServerConfig withPortAndDataDir(int newPort, Path newDataDir) {
        return new ServerConfig(host, newPort, newDataDir, backend, openSearch, maxBodyBytes, security, limits, logging, backupDir,
                resolutionInterval);
    }

    /** Whether the automated resolution runs on a schedule ({@code --resolution-interval off}: only on demand). */
    public boolean resolutionScheduled() {
        return resolutionInterval != null;
    }

    /** {@code <n>s|m|h|d} (Kibana's duration units, n at least 1), or {@code off}: null. */
    private static Duration interval(String value, ServerSetting setting) {
        if ("off".equalsIgnoreCase(value)) {
            return null;
        }
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("([1-9][0-9]{0,8})([smhd])").matcher(value);
        if (!matcher.matches()) {
            throw new ConfigException("interval '" + value + "' is not off nor a positive number followed by s, m, h or d, e.g. 24h ("
                    + setting.variable + " / " + setting.flag + ")");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static String logLevel(String value) {
        String level = value.toUpperCase(Locale.ROOT);
        if (!Logging.LEVELS.contains(level)) {
            throw new ConfigException("log level '" + value + "' is not TRACE, DEBUG, INFO, WARN, ERROR or OFF"
                    + " (ENTITY_STORE_LOG_LEVEL / --log-level)");
        }
        return level;
    }

    private static boolean bool(Map<ServerSetting, String> values, ServerSetting setting) {
        return switch (values.get(setting)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException("'" + values.get(setting) + "' is not true or false ("
                    + setting.variable + " / " + setting.flag + ")");
        };
    }

    private static String host(String value) {
        if (value.isBlank()) {
            throw new ConfigException("ENTITY_STORE_HOST / --host must not be empty");
        }
        return value;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new ConfigException("port '" + value + "' is not a number from 0 to 65535 (ENTITY_STORE_PORT / --port)");
    }

    private static Backend backend(String value) {
        try {
            return Backend.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("unknown backend '" + value + "': use sqlite or opensearch (ENTITY_STORE_BACKEND / --backend)");
        }
    }

    /** The cluster's settings; checked only when the backend is {@code opensearch}. */
    private static OpenSearch openSearch(Map<ServerSetting, String> values, Backend backend) {
        String url = values.get(ServerSetting.OPENSEARCH_URL);
        String trustStore = values.get(ServerSetting.OPENSEARCH_TRUSTSTORE);
        String prefix = values.get(ServerSetting.OPENSEARCH_INDEX_PREFIX);
        if (backend == Backend.OPENSEARCH) {
            if (url == null || url.isBlank()) {
                throw new ConfigException("the opensearch backend needs the cluster's address (ENTITY_STORE_OPENSEARCH_URL / --opensearch-url)");
            }
            try {
                OpenSearchAddresses.parse(url);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage() + " (ENTITY_STORE_OPENSEARCH_URL / --opensearch-url)", e);
            }
            if (trustStore != null && !java.nio.file.Files.isReadable(Path.of(trustStore))) {
                throw new ConfigException("OpenSearch trust store " + trustStore
                        + " is not a readable file (ENTITY_STORE_OPENSEARCH_TRUSTSTORE / --opensearch-truststore)");
            }
            // Index names are lower case; the prefix is part of every name.
            if (!prefix.matches("[a-z0-9][a-z0-9._-]*")) {
                throw new ConfigException("OpenSearch index prefix '" + prefix
                        + "' must be lower-case letters, digits, '.', '_' or '-' (ENTITY_STORE_OPENSEARCH_INDEX_PREFIX / --opensearch-index-prefix)");
            }
        }
        return new OpenSearch(url, values.get(ServerSetting.OPENSEARCH_USERNAME), values.get(ServerSetting.OPENSEARCH_PASSWORD),
                trustStore == null ? null : Path.of(trustStore), values.get(ServerSetting.OPENSEARCH_TRUSTSTORE_PASSWORD), prefix,
                positive(values.get(ServerSetting.OPENSEARCH_CONNECT_TIMEOUT), "OpenSearch connect timeout",
                        ServerSetting.OPENSEARCH_CONNECT_TIMEOUT),
                positive(values.get(ServerSetting.OPENSEARCH_SOCKET_TIMEOUT), "OpenSearch socket timeout",
                        ServerSetting.OPENSEARCH_SOCKET_TIMEOUT));
    }

    private static long maxBodyBytes(String value) {
        try {
            long bytes = Long.parseLong(value);
            if (bytes > 0 && bytes <= Integer.MAX_VALUE) {
                return bytes;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new ConfigException("body limit '" + value + "' is not a positive number of bytes (ENTITY_STORE_MAX_BODY_BYTES / --max-body-bytes)");
    }

    private static int positive(String value, String what, ServerSetting setting) {
        return (int) positive(value, what, setting, Integer.MAX_VALUE, "whole number");
    }

    private static long zeroOrPositive(String value, String what, ServerSetting setting) {
        return "0".equals(value) ? 0 : positive(value, what, setting, Long.MAX_VALUE / 1_000_000, "number of milliseconds (or 0)");
    }

    private static long positiveLong(String value, String what, ServerSetting setting) {
        return positive(value, what, setting, Long.MAX_VALUE, "number of bytes");
    }

    private static long positive(String value, String what, ServerSetting setting, long max, String kind) {
        try {
            long number = Long.parseLong(value);
            if (number > 0 && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new ConfigException(what + " '" + value + "' is not a positive " + kind + " ("
                + setting.variable + " / " + setting.flag + ")");
    }
}
