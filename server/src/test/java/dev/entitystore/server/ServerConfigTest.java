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
}
