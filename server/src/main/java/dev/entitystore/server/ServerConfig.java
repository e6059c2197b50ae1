package dev.entitystore.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the server is started: each setting from a {@code --flag} or its {@code ENTITY_STORE_*}
 * variable (the flag wins), else its default. Bad values are refused here with one clear sentence.
 */
public record ServerConfig(
        String host, int port, Path dataDir, Backend backend, OpenSearch openSearch, long maxBodyBytes,
        SecurityOptions security, RequestLimits limits) {

    public enum Backend { SQLITE, OPENSEARCH }

    /**
     * What one request may ask of the server (issue "hostile input"): items in a bulk request, and how
     * long a client may take to send its request before the connection is cut.
     */
    public record RequestLimits(int maxBulkItems, int clientTimeoutSeconds, int maxPendingWrites, long maxProfileBytes) {
        public static final int DEFAULT_MAX_BULK_ITEMS = 10_000;
        public static final int DEFAULT_CLIENT_TIMEOUT_SECONDS = 30;
        /** Entity writes the embedded store takes in before answering 429 (see README, "Backpressure"). */
        public static final int DEFAULT_MAX_PENDING_WRITES =
                dev.entitystore.store.embedded.sqlite.SqliteEntityStore.DEFAULT_MAX_PENDING_WRITES;
        /** A user profile's whole stored size, at most (Elasticsearch's {@code xpack.security.profile.max_size}). */
        public static final long DEFAULT_MAX_PROFILE_BYTES = dev.entitystore.domain.profile.UserProfiles.DEFAULT_MAX_PROFILE_BYTES;

        public static RequestLimits defaults() {
            return new RequestLimits(DEFAULT_MAX_BULK_ITEMS, DEFAULT_CLIENT_TIMEOUT_SECONDS, DEFAULT_MAX_PENDING_WRITES,
                    DEFAULT_MAX_PROFILE_BYTES);
        }
    }

    /**
     * Where the {@code opensearch} backend finds its cluster. {@code url} is required for that backend;
     * {@code username}/{@code password} for basic authentication, {@code trustStore} (PKCS12 or JKS) for
     * an {@code https} cluster signed by a private CA; {@code indexPrefix} starts every index name.
     */
    public record OpenSearch(String url, String username, String password, Path trustStore, String trustStorePassword,
                             String indexPrefix) {
        public static final String DEFAULT_INDEX_PREFIX = "entity-store-";

        /** Never prints the passwords (configurations get logged). */
        @Override
        public String toString() {
            return "OpenSearch[url=" + url + ", username=" + username + ", password=" + (password == null ? null : "***")
                    + ", trustStore=" + trustStore + ", indexPrefix=" + indexPrefix + "]";
        }
    }

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** Each setting: its flag, its variable, its default. */
    private enum Setting {
        HOST("--host", "ENTITY_STORE_HOST", "127.0.0.1"),
        PORT("--port", "ENTITY_STORE_PORT", "5601"),
        DATA_DIR("--data-dir", "ENTITY_STORE_DATA_DIR", "./data"),
        BACKEND("--backend", "ENTITY_STORE_BACKEND", "sqlite"),
        OPENSEARCH_URL("--opensearch-url", "ENTITY_STORE_OPENSEARCH_URL", null),
        OPENSEARCH_USERNAME("--opensearch-username", "ENTITY_STORE_OPENSEARCH_USERNAME", null),
        OPENSEARCH_PASSWORD("--opensearch-password", "ENTITY_STORE_OPENSEARCH_PASSWORD", null),
        OPENSEARCH_TRUSTSTORE("--opensearch-truststore", "ENTITY_STORE_OPENSEARCH_TRUSTSTORE", null),
        OPENSEARCH_TRUSTSTORE_PASSWORD("--opensearch-truststore-password", "ENTITY_STORE_OPENSEARCH_TRUSTSTORE_PASSWORD", null),
        OPENSEARCH_INDEX_PREFIX("--opensearch-index-prefix", "ENTITY_STORE_OPENSEARCH_INDEX_PREFIX", OpenSearch.DEFAULT_INDEX_PREFIX),
        MAX_BODY_BYTES("--max-body-bytes", "ENTITY_STORE_MAX_BODY_BYTES", String.valueOf(DEFAULT_MAX_BODY_BYTES)),
        CREDENTIALS_FILE("--credentials-file", "ENTITY_STORE_CREDENTIALS_FILE", null),
        STATUS_ALLOW_ANONYMOUS("--status-allow-anonymous", "ENTITY_STORE_STATUS_ALLOW_ANONYMOUS", "false"),
        TLS_KEYSTORE("--tls-keystore", "ENTITY_STORE_TLS_KEYSTORE", null),
        TLS_KEYSTORE_PASSWORD("--tls-keystore-password", "ENTITY_STORE_TLS_KEYSTORE_PASSWORD", null),
        MAX_BULK_ITEMS("--max-bulk-items", "ENTITY_STORE_MAX_BULK_ITEMS",
                String.valueOf(RequestLimits.DEFAULT_MAX_BULK_ITEMS)),
        CLIENT_TIMEOUT("--client-timeout-seconds", "ENTITY_STORE_CLIENT_TIMEOUT_SECONDS",
                String.valueOf(RequestLimits.DEFAULT_CLIENT_TIMEOUT_SECONDS)),
        MAX_PENDING_WRITES("--max-pending-writes", "ENTITY_STORE_MAX_PENDING_WRITES",
                String.valueOf(RequestLimits.DEFAULT_MAX_PENDING_WRITES)),
        MAX_PROFILE_BYTES("--max-profile-bytes", "ENTITY_STORE_MAX_PROFILE_BYTES",
                String.valueOf(RequestLimits.DEFAULT_MAX_PROFILE_BYTES));

        final String flag;
        final String variable;
        final String fallback;

        Setting(String flag, String variable, String fallback) {
            this.flag = flag;
            this.variable = variable;
            this.fallback = fallback;
        }
    }

    public static final String USAGE = """
            Usage: java -jar entity-store-server.jar [--host H] [--port N] [--data-dir DIR]
                   [--backend sqlite|opensearch] [--opensearch-url URL] [--opensearch-username U]
                   [--opensearch-password P] [--opensearch-truststore FILE] [--opensearch-truststore-password P]
                   [--opensearch-index-prefix PREFIX] [--max-body-bytes N]
                   [--credentials-file F] [--status-allow-anonymous true|false]
                   [--tls-keystore F --tls-keystore-password P]
                   [--max-bulk-items N] [--client-timeout-seconds N] [--max-pending-writes N]
                   [--max-profile-bytes N]
            Each flag may also be set with its variable: ENTITY_STORE_HOST, ENTITY_STORE_PORT,
            ENTITY_STORE_DATA_DIR, ENTITY_STORE_BACKEND, ENTITY_STORE_OPENSEARCH_URL (and _USERNAME, _PASSWORD,
            _TRUSTSTORE, _TRUSTSTORE_PASSWORD, _INDEX_PREFIX), ENTITY_STORE_MAX_BODY_BYTES,
            ENTITY_STORE_CREDENTIALS_FILE, ENTITY_STORE_STATUS_ALLOW_ANONYMOUS, ENTITY_STORE_TLS_KEYSTORE,
            ENTITY_STORE_TLS_KEYSTORE_PASSWORD (prefer variables for passwords: flags show in ps),
            ENTITY_STORE_MAX_BULK_ITEMS, ENTITY_STORE_CLIENT_TIMEOUT_SECONDS, ENTITY_STORE_MAX_PENDING_WRITES,
            ENTITY_STORE_MAX_PROFILE_BYTES.
            Credentials: java -jar entity-store-server.jar credentials --help""";

    public static ServerConfig from(Map<String, String> environment, String... args) {
        Map<Setting, String> values = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
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
            Setting setting = settingFor(name);
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new ConfigException("option " + name + " needs a value");
                }
                value = args[++i];
            }
            values.put(setting, value.trim());
        }
        Backend backend = backend(values.get(Setting.BACKEND));
        return new ServerConfig(
                host(values.get(Setting.HOST)),
                port(values.get(Setting.PORT)),
                Path.of(values.get(Setting.DATA_DIR)),
                backend,
                openSearch(values, backend),
                maxBodyBytes(values.get(Setting.MAX_BODY_BYTES)),
                SecurityOptions.parse(values.get(Setting.CREDENTIALS_FILE), values.get(Setting.STATUS_ALLOW_ANONYMOUS),
                        values.get(Setting.TLS_KEYSTORE), values.get(Setting.TLS_KEYSTORE_PASSWORD)),
                new RequestLimits(
                        positive(values.get(Setting.MAX_BULK_ITEMS), "bulk item limit", Setting.MAX_BULK_ITEMS),
                        positive(values.get(Setting.CLIENT_TIMEOUT), "client timeout", Setting.CLIENT_TIMEOUT),
                        positive(values.get(Setting.MAX_PENDING_WRITES), "pending write limit", Setting.MAX_PENDING_WRITES),
                        positiveLong(values.get(Setting.MAX_PROFILE_BYTES), "profile size limit", Setting.MAX_PROFILE_BYTES)));
    }

    /** The same settings on another port (tests use 0 for a free one) and data directory. */
    public ServerConfig withPortAndDataDir(int newPort, Path newDataDir) {
        return new ServerConfig(host, newPort, newDataDir, backend, openSearch, maxBodyBytes, security, limits);
    }

    private static Setting settingFor(String flag) {
        for (Setting setting : Setting.values()) {
            if (setting.flag.equals(flag)) {
                return setting;
            }
        }
        throw new ConfigException("unknown option " + flag + "\n" + USAGE);
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
    private static OpenSearch openSearch(Map<Setting, String> values, Backend backend) {
        String url = values.get(Setting.OPENSEARCH_URL);
        String trustStore = values.get(Setting.OPENSEARCH_TRUSTSTORE);
        String prefix = values.get(Setting.OPENSEARCH_INDEX_PREFIX);
        if (backend == Backend.OPENSEARCH) {
            if (url == null || url.isBlank()) {
                throw new ConfigException("the opensearch backend needs the cluster's address (ENTITY_STORE_OPENSEARCH_URL / --opensearch-url)");
            }
            if (!url.matches("(?i)https?://[^/\\s]+/?")) {
                throw new ConfigException("OpenSearch URL '" + url + "' is not http(s)://host:port (ENTITY_STORE_OPENSEARCH_URL / --opensearch-url)");
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
        return new OpenSearch(url, values.get(Setting.OPENSEARCH_USERNAME), values.get(Setting.OPENSEARCH_PASSWORD),
                trustStore == null ? null : Path.of(trustStore), values.get(Setting.OPENSEARCH_TRUSTSTORE_PASSWORD), prefix);
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

    private static int positive(String value, String what, Setting setting) {
        return (int) positive(value, what, setting, Integer.MAX_VALUE, "whole number");
    }

    private static long positiveLong(String value, String what, Setting setting) {
        return positive(value, what, setting, Long.MAX_VALUE, "number of bytes");
    }

    private static long positive(String value, String what, Setting setting, long max, String kind) {
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
