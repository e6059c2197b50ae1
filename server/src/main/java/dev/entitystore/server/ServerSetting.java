package dev.entitystore.server;

import java.util.Locale;

/** Each setting of the server: its flag, its variable, its default and what it means (for {@code --help}). */
enum ServerSetting {
    HOST("--host", "127.0.0.1", "address to listen on (loopback only while no credentials are configured)"),
    PORT("--port", "5601", "port (Kibana's); 0 picks a free one"),
    DATA_DIR("--data-dir", "./data", "where the embedded store keeps its files"),
    BACKEND("--backend", "sqlite", "sqlite (embedded) or opensearch"),
    OPENSEARCH_URL("--opensearch-url", null, "the cluster's nodes, http(s)://host:port, several comma-separated; required for opensearch"),
    OPENSEARCH_USERNAME("--opensearch-username", null, "basic-auth user for a secured cluster"),
    OPENSEARCH_PASSWORD("--opensearch-password", null, "its password (prefer the variable: flags show in ps)"),
    OPENSEARCH_TRUSTSTORE("--opensearch-truststore", null, "PKCS12/JKS file of the CAs to trust for https (default: the JDK's)"),
    OPENSEARCH_TRUSTSTORE_PASSWORD("--opensearch-truststore-password", null, "its password"),
    OPENSEARCH_INDEX_PREFIX("--opensearch-index-prefix", ServerConfig.OpenSearch.DEFAULT_INDEX_PREFIX,
            "starts every index name, so several stores can share a cluster"),
    OPENSEARCH_CONNECT_TIMEOUT("--opensearch-connect-timeout-seconds",
            String.valueOf(ServerConfig.OpenSearch.DEFAULT_CONNECT_TIMEOUT_SECONDS),
            "a connection to the cluster not opened within it fails the request (503)"),
    OPENSEARCH_SOCKET_TIMEOUT("--opensearch-socket-timeout-seconds",
            String.valueOf(ServerConfig.OpenSearch.DEFAULT_SOCKET_TIMEOUT_SECONDS),
            "a call the cluster stops answering for this long fails the request (503);"
                    + " keep it above 30 (a new index waits up to 30 s for its shards)"),
    MAX_BODY_BYTES("--max-body-bytes", String.valueOf(ServerConfig.DEFAULT_MAX_BODY_BYTES), "request body limit (413 above it)"),
    CREDENTIALS_FILE("--credentials-file", null, "API keys and users (hashes only); none = anonymous, loopback only"),
    STATUS_ALLOW_ANONYMOUS("--status-allow-anonymous", "false", "let GET /api/status answer without credentials"),
    METRICS_ALLOW_ANONYMOUS_LOOPBACK("--metrics-allow-anonymous-loopback", "false",
            "let GET /metrics answer without credentials to callers on this machine (a local scraper)"),
    TLS_KEYSTORE("--tls-keystore", null, "PKCS12 or JKS key store: serve HTTPS only"),
    TLS_KEYSTORE_PASSWORD("--tls-keystore-password", null, "its password (prefer the variable: flags show in ps)"),
    MAX_BULK_ITEMS("--max-bulk-items", String.valueOf(ServerConfig.RequestLimits.DEFAULT_MAX_BULK_ITEMS),
            "items per v2 bulk update / v1 bulk upsert (400 above it)"),
    CLIENT_TIMEOUT("--client-timeout-seconds", String.valueOf(ServerConfig.RequestLimits.DEFAULT_CLIENT_TIMEOUT_SECONDS),
            "a request head or body not received within it is cut off (408)"),
    MAX_PENDING_WRITES("--max-pending-writes", String.valueOf(ServerConfig.RequestLimits.DEFAULT_MAX_PENDING_WRITES),
            "embedded store: entity writes waiting at most; past it 429 with Retry-After"),
    MAX_QUEUE_WAIT("--max-queue-wait-ms", String.valueOf(ServerConfig.RequestLimits.DEFAULT_MAX_QUEUE_WAIT_MILLIS),
            "an entity write that waited longer for a request thread answers 429 with Retry-After (0: never)"),
    MAX_PROFILE_BYTES("--max-profile-bytes", String.valueOf(ServerConfig.RequestLimits.DEFAULT_MAX_PROFILE_BYTES),
            "a user profile's whole stored size in bytes (400 above it, nothing written)"),
    MAX_IMPORT_BYTES("--max-import-bytes", String.valueOf(ServerConfig.RequestLimits.DEFAULT_MAX_IMPORT_BYTES),
            "an import body (POST /api/security/entity_store/_import) in bytes, at most (413 above it)"),
    IDEMPOTENCY_WINDOW("--idempotency-window-seconds",
            String.valueOf(ServerConfig.RequestLimits.DEFAULT_IDEMPOTENCY_WINDOW_SECONDS),
            "how long a write's Idempotency-Key keeps its first answer for retries"),
    RESOLUTION_INTERVAL("--resolution-interval", "24h",
            "how often the automated resolution runs over every installed space (<n>s, m, h or d), or off;"
                    + " the first run comes 10 minutes after start (one interval if shorter)"),
    BACKUP_DIR("--backup-dir", null, "where POST /api/entity_store/backup writes backups (none: that route answers 400)"),
    LOG_LEVEL("--log-level", "INFO", "TRACE, DEBUG, INFO, WARN, ERROR or OFF"),
    ACCESS_LOG("--access-log", "true", "one JSON line per request on the logger 'access' (true or false)");

    final String flag;
    final String variable;
    final String fallback;
    final String help;

    ServerSetting(String flag, String fallback, String help) {
        this.flag = flag;
        this.variable = "ENTITY_STORE_" + flag.substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
        this.fallback = fallback;
        this.help = help;
    }

    static ServerSetting forFlag(String flag) {
        for (ServerSetting setting : values()) {
            if (setting.flag.equals(flag)) {
                return setting;
            }
        }
        throw new ConfigException("unknown option " + flag + " (see --help)");
    }

    /** {@code --help}: every flag with its variable, default and meaning. */
    static String usage() {
        StringBuilder usage = new StringBuilder("""
                Usage: java -jar entity-store-server.jar [--flag value | --flag=value]...
                       java -jar entity-store-server.jar credentials --help     API keys and users
                       java -jar entity-store-server.jar backup --help          copy the embedded store (online)
                       java -jar entity-store-server.jar restore --help         put a backup into a new data directory
                       java -jar entity-store-server.jar --version
                Each flag may be set with its variable instead (the flag wins):
                """);
        for (ServerSetting setting : values()) {
            usage.append(String.format(Locale.ROOT, "  %-36s %-46s default: %s%n      %s%n", setting.flag, setting.variable,
                    setting.fallback == null ? "(none)" : setting.fallback, setting.help));
        }
        usage.append("A bad setting stops start-up with one line and exit code 2; SIGTERM stops cleanly (exit 0).");
        return usage.toString();
    }
}
