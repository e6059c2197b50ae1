package dev.entitystore.store.opensearch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the cluster is and how to reach it.
 *
 * @param url                the cluster's HTTP(S) address, e.g. {@code http://127.0.0.1:9200}
 * @param username           for HTTP basic authentication, or {@code null} for none
 * @param password           goes with {@code username}
 * @param trustStore         a key store (PKCS12 or JKS) of the CAs to trust for {@code https}, or
 *                           {@code null} for the JDK's default trust
 * @param trustStorePassword goes with {@code trustStore}, may be {@code null}
 * @param indexPrefix        prepended to every index this store creates, so that several stores (or test
 *                           servers) can share one cluster without seeing each other
 * @param connectTimeout     how long a new connection to the cluster may take to open
 * @param socketTimeout      how long a call may wait for the cluster's next bytes: a node that stopped
 *                           answering (hung, partitioned) fails the call after it instead of holding it
 *                           for ever; longer than any wait the store asks of the cluster (30 s at most)
 */
public record OpenSearchSettings(
        URI url, String username, String password, Path trustStore, String trustStorePassword, String indexPrefix,
        Duration connectTimeout, Duration socketTimeout) {

    public static final String DEFAULT_INDEX_PREFIX = "entity-store-";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);

    public OpenSearchSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(indexPrefix, "indexPrefix");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(socketTimeout, "socketTimeout");
    }

    /** With the default timeouts. */
    public OpenSearchSettings(
            URI url, String username, String password, Path trustStore, String trustStorePassword, String indexPrefix) {
        this(url, username, password, trustStore, trustStorePassword, indexPrefix, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_SOCKET_TIMEOUT);
    }

    /** An unsecured local cluster with the default prefix. */
    public static OpenSearchSettings of(String url) {
        return new OpenSearchSettings(URI.create(url), null, null, null, null, DEFAULT_INDEX_PREFIX);
    }

    public OpenSearchSettings withIndexPrefix(String prefix) {
        return new OpenSearchSettings(url, username, password, trustStore, trustStorePassword, prefix, connectTimeout,
                socketTimeout);
    }

    public OpenSearchSettings withTimeouts(Duration connect, Duration socket) {
        return new OpenSearchSettings(url, username, password, trustStore, trustStorePassword, indexPrefix, connect, socket);
    }

    private static void requirePositive(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + timeout);
        }
    }
}
