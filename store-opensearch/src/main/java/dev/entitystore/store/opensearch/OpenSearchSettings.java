package dev.entitystore.store.opensearch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the cluster is and how to reach it.
 *
 * @param urls               the cluster's HTTP(S) node addresses, e.g. {@code http://127.0.0.1:9200}, at least one,
 *                           all of one scheme; calls are spread over them and a node that does not answer is
 *                           skipped while others do
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
        List<URI> urls, String username, String password, Path trustStore, String trustStorePassword, String indexPrefix,
        Duration connectTimeout, Duration socketTimeout) {

    public static final String DEFAULT_INDEX_PREFIX = "entity-store-";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);

    public OpenSearchSettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no OpenSearch address");
        }
        Objects.requireNonNull(indexPrefix, "indexPrefix");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(socketTimeout, "socketTimeout");
    }

    /** With the default timeouts. */
    public OpenSearchSettings(
            List<URI> urls, String username, String password, Path trustStore, String trustStorePassword, String indexPrefix) {
        this(urls, username, password, trustStore, trustStorePassword, indexPrefix, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_SOCKET_TIMEOUT);
    }

    /** An unsecured local cluster with the default prefix: one address, or several comma-separated. */
    public static OpenSearchSettings of(String urls) {
        return new OpenSearchSettings(OpenSearchAddresses.parse(urls), null, null, null, null, DEFAULT_INDEX_PREFIX);
    }

    public OpenSearchSettings withIndexPrefix(String prefix) {
        return new OpenSearchSettings(urls, username, password, trustStore, trustStorePassword, prefix, connectTimeout,
                socketTimeout);
    }

    public OpenSearchSettings withTimeouts(Duration connect, Duration socket) {
        return new OpenSearchSettings(urls, username, password, trustStore, trustStorePassword, indexPrefix, connect, socket);
    }

    private static void requirePositive(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + timeout);
        }
    }
}
