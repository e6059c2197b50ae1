package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** One client (and its connection pool) to the cluster, shared by the store and the search. */
public final class OpenSearchConnection implements AutoCloseable {
    /** Enough connections that the server's request threads do not queue on the pool. */
    private static final int MAX_CONNECTIONS = 64;

    private final String addresses;
    private final OpenSearchTransport transport;
    private final OpenSearchClient client;

    private OpenSearchConnection(String addresses, OpenSearchTransport transport) {
        this.addresses = addresses;
        this.transport = transport;
        this.client = new OpenSearchClient(transport);
    }

    public static OpenSearchConnection open(OpenSearchSettings settings, ObjectMapper mapper) {
        HttpHost[] hosts = new HttpHost[settings.urls().size()];
        for (int i = 0; i < hosts.length; i++) {
            try {
                hosts[i] = HttpHost.create(settings.urls().get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a usable OpenSearch URL: " + settings.urls().get(i), e);
            }
        }
        SSLContext ssl = "https".equalsIgnoreCase(settings.urls().get(0).getScheme()) ? sslContext(settings) : null;
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper(mapper))
                .setHttpClientConfigCallback(http -> {
                    if (settings.username() != null) {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        for (HttpHost host : hosts) {
                            credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(
                                    settings.username(), settings.password() == null ? new char[0] : settings.password().toCharArray()));
                        }
                        http.setDefaultCredentialsProvider(credentials);
                    }
                    // This pool replaces the builder's, and with it the builder's timeouts: without these a call
                    // to a node that stopped answering would wait for ever.
                    PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(MAX_CONNECTIONS)
                            .setMaxConnPerRoute(MAX_CONNECTIONS)
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(timeout(settings.connectTimeout()))
                                    .setSocketTimeout(timeout(settings.socketTimeout()))
                                    .build());
                    if (ssl != null) {
                        pool.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(ssl).build());
                    }
                    return http.setConnectionManager(pool.build());
                })
                .setRequestConfigCallback(request -> request
                        .setResponseTimeout(timeout(settings.socketTimeout()))
                        // a call waiting for a free connection of the pool waits no longer than for an answer
                        .setConnectionRequestTimeout(timeout(settings.socketTimeout())));
        // With several nodes the transport sends each call to the next node in turn, and a node that fails a
        // call (no connection, no answer, 502-504) is skipped for a while and its call retried on another.
        return new OpenSearchConnection(OpenSearchAddresses.show(settings.urls()), builder.build());
    }

    private static Timeout timeout(java.time.Duration duration) {
        return Timeout.ofMilliseconds(duration.toMillis());
    }

    /**
     * The cluster's node addresses, comma-separated, for messages (they never hold credentials: those are
     * separate settings).
     */
    public String url() {
        return addresses;
    }

    public OpenSearchClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenSearch client did not close", e);
        }
    }

    private static SSLContext sslContext(OpenSearchSettings settings) {
        try {
            if (settings.trustStore() == null) {
                return SSLContext.getDefault();
            }
            char[] password = settings.trustStorePassword() == null ? null : settings.trustStorePassword().toCharArray();
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            try (InputStream in = Files.newInputStream(settings.trustStore())) {
                trust.load(in, password);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the OpenSearch trust store " + settings.trustStore()
                    + ": " + e.getMessage(), e);
        }
    }
}
