package dev.entitystore.server;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Security settings that cannot work stop start-up with one sentence naming the setting; ones that can, start. */
class SecurityStartupTest {
    @TempDir
    Path dir;

    private EntityStoreServer start(Map<String, String> environment) {
        return EntityStoreServer.start(ServerConfig.from(environment).withPortAndDataDir(0, dir.resolve("data")));
    }

    private void assertRefused(Map<String, String> environment, String... fragments) {
        assertThatThrownBy(() -> start(environment)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(fragments));
        // Nothing was left open: the data directory serves the next server.
        try (EntityStoreServer next = start(Map.of())) {
            assertThat(next.port()).isPositive();
        }
    }

    @Test
    void credentialsFileThatDoesNotExistIsRefusedNamingIt() {
        Path missing = dir.resolve("nope.json");
        assertRefused(Map.of("ENTITY_STORE_CREDENTIALS_FILE", missing.toString()), missing.toString(), "does not exist",
                "ENTITY_STORE_CREDENTIALS_FILE");
    }

    @Test
    void credentialsFileThatIsNotValidIsRefused() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{not json");
        assertRefused(Map.of("ENTITY_STORE_CREDENTIALS_FILE", garbage.toString()), "not a valid credentials file");
        Path clear = Files.writeString(dir.resolve("clear.json"), """
                {"version":1,"credentials":[{"type":"user","id":"alice","name":"alice","hash":"hunter2",
                 "spaces":["default"],"write":true,"admin":false,"created":null}]}""");
        assertRefused(Map.of("ENTITY_STORE_CREDENTIALS_FILE", clear.toString()), "not a valid credentials file");
    }

    @Test
    void credentialsFileWithoutAnyCredentialIsRefused() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "{\"version\":1,\"credentials\":[]}");
        assertRefused(Map.of("ENTITY_STORE_CREDENTIALS_FILE", empty.toString()), "holds no credential");
    }

    @Test
    void withCredentialsTheServerMayListenBeyondLoopback() {
        TestCredentials credentials = TestCredentials.inTempDirectory();
        credentials.addKey("any", "--spaces", "default", "--read-only");
        Map<String, String> environment = new HashMap<>(credentials.environment());
        environment.put("ENTITY_STORE_HOST", "0.0.0.0");
        try (EntityStoreServer server = start(environment)) {
            assertThat(server.port()).isPositive();
        }
    }

    @Test
    void statusMayBeOpenedToAnonymousHealthChecks() {
        TestCredentials credentials = TestCredentials.inTempDirectory();
        String key = credentials.addKey("any", "--spaces", "default", "--read-only");
        Map<String, String> environment = new HashMap<>(credentials.environment());
        environment.put("ENTITY_STORE_STATUS_ALLOW_ANONYMOUS", "true");
        try (EntityStoreServer server = start(environment)) {
            HttpClientForTests client = new HttpClientForTests("http://127.0.0.1:" + server.port());
            assertThat(client.get("/api/status").status()).isEqualTo(200);
            assertError(client.request("GET", "/api/status").header("Authorization", key + "x").send(), 401,
                    "Unauthorized", "unable to authenticate with provided credentials");
            assertError(client.get("/api/security/entity_store/status"), 401, "Unauthorized", "Unauthorized");
        }
    }

    @Test
    void keyStoreThatDoesNotExistIsRefused() {
        Path missing = dir.resolve("missing.p12");
        assertRefused(Map.of("ENTITY_STORE_TLS_KEYSTORE", missing.toString(), "ENTITY_STORE_TLS_KEYSTORE_PASSWORD", "x"),
                missing.toString(), "not a readable file", "ENTITY_STORE_TLS_KEYSTORE");
    }

    @Test
    void keyStoreWithTheWrongPasswordIsRefused() throws Exception {
        TestKeyStore keyStore = TestKeyStore.create(dir, "right-password");
        assertRefused(Map.of("ENTITY_STORE_TLS_KEYSTORE", keyStore.file().toString(),
                "ENTITY_STORE_TLS_KEYSTORE_PASSWORD", "wrong-password"), "wrong password", "ENTITY_STORE_TLS_KEYSTORE_PASSWORD");
    }

    @Test
    void fileThatIsNotAKeyStoreIsRefused() throws Exception {
        Path notAStore = Files.write(dir.resolve("junk.p12"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertRefused(Map.of("ENTITY_STORE_TLS_KEYSTORE", notAStore.toString(), "ENTITY_STORE_TLS_KEYSTORE_PASSWORD", "x"),
                "cannot read TLS key store", notAStore.toString());
    }

    @Test
    void keyStoreAndItsPasswordComeTogether() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("ENTITY_STORE_TLS_KEYSTORE", "/some/store.p12")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("needs its password");
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), "--tls-keystore-password", "secret"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("without a key store");
    }

    @Test
    void settingsNeverPrintTheKeyStorePassword() {
        ServerConfig config = ServerConfig.from(Map.of("ENTITY_STORE_TLS_KEYSTORE", "/s.p12",
                "ENTITY_STORE_TLS_KEYSTORE_PASSWORD", "very-secret"));
        assertThat(config.toString()).doesNotContain("very-secret").contains("****");
    }
}
