package dev.entitystore.store.opensearch;

import java.net.URI;
import java.nio.file.Path;
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
 */
public record OpenSearchSettings(
        URI url, String username, String password, Path trustStore, String trustStorePassword, String indexPrefix) {

    public static final String DEFAULT_INDEX_PREFIX = "entity-store-";

    public OpenSearchSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(indexPrefix, "indexPrefix");
    }

    /** An unsecured local cluster with the default prefix. */
    public static OpenSearchSettings of(String url) {
        return new OpenSearchSettings(URI.create(url), null, null, null, null, DEFAULT_INDEX_PREFIX);
    }

    public OpenSearchSettings withIndexPrefix(String prefix) {
        return new OpenSearchSettings(url, username, password, trustStore, trustStorePassword, prefix);
    }
}
