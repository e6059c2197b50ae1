package dev.entitystore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.server.HttpClientForTests.Answer;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With a key store configured the server speaks HTTPS, and only HTTPS; credentials travel inside it. */
class TlsHttpTest {
    private static TestKeyStore keyStore;
    private static TestCredentials credentials;
    private static String admin;
    private static EntityStoreServer server;
    private static HttpClientForTests client;

    @BeforeAll
    static void startOverTls() throws Exception {
        Path dir = Files.createTempDirectory("entity-store-tls");
        keyStore = TestKeyStore.create(dir, "test-store-password");
        credentials = TestCredentials.inTempDirectory();
        admin = credentials.addKey("tls-admin", "--spaces", "*", "--write", "--admin");
        Map<String, String> environment = new HashMap<>(credentials.environment());
        environment.put("ENTITY_STORE_TLS_KEYSTORE", keyStore.file().toString());
        environment.put("ENTITY_STORE_TLS_KEYSTORE_PASSWORD", keyStore.password());
        server = EntityStoreServer.start(ServerConfig.from(environment).withPortAndDataDir(0, dir.resolve("data")));
        client = new HttpClientForTests("https://127.0.0.1:" + server.port(),
                HttpClient.newBuilder().sslContext(keyStore.trustingContext()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void httpsRoundTripWithAClientTrustingTheKeyStore() {
        assertThat(server.scheme()).isEqualTo("https");
        Answer install = client.request("POST", "/api/security/entity_store/install").header("Authorization", admin)
                .json("{\"entityTypes\":[\"host\"]}").send();
        assertThat(install.status()).as(install.body()).isEqualTo(201);
        Answer status = client.request("GET", "/api/security/entity_store/status").header("Authorization", admin).send();
        assertThat(status.json().path("status").asText()).isEqualTo("running");
        assertThat(client.get("/api/status").status()).isEqualTo(401);
    }

    @Test
    void plainHttpOnTheTlsPortIsNotServed() {
        HttpClientForTests plain = new HttpClientForTests("http://127.0.0.1:" + server.port());
        assertThatThrownBy(() -> plain.request("GET", "/api/status").header("Authorization", admin).send())
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() throws Exception {
        HttpClientForTests untrusting = new HttpClientForTests("https://127.0.0.1:" + server.port(),
                HttpClient.newBuilder().sslContext(SSLContext.getDefault()));
        assertThatThrownBy(() -> untrusting.get("/api/status")).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }
}
