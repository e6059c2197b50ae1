package dev.entitystore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up refuses bad environments with one clear sentence, and leaves nothing half-open. */
class ServerStartupTest {
    @TempDir
    Path dataDir;

    @Test
    void portInUseIsRefusedNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerConfig config = ServerConfig.from(Map.of()).withPortAndDataDir(taken.getLocalPort(), dataDir);
            assertThatThrownBy(() -> EntityStoreServer.start(config))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("is the port in use?");
        }
        // The store it opened was closed again: another server can use the data directory now.
        try (EntityStoreServer server = EntityStoreServer.start(ServerConfig.from(Map.of()).withPortAndDataDir(0, dataDir))) {
            assertThat(server.port()).isPositive();
        }
    }

    @Test
    void dataDirectoryThatCannotBeCreatedIsRefusedNamingThePath() throws Exception {
        Path file = Files.writeString(dataDir.resolve("not-a-directory"), "x");
        ServerConfig config = ServerConfig.from(Map.of()).withPortAndDataDir(0, file.resolve("data"));
        assertThatThrownBy(() -> EntityStoreServer.start(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not-a-directory")
                .hasMessageContaining("ENTITY_STORE_DATA_DIR");
    }

    @Test
    void secondServerOnTheSameDataDirectoryIsRefused() {
        try (EntityStoreServer first = EntityStoreServer.start(ServerConfig.from(Map.of()).withPortAndDataDir(0, dataDir))) {
            assertThatThrownBy(() -> EntityStoreServer.start(ServerConfig.from(Map.of()).withPortAndDataDir(0, dataDir)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(dataDir.toString());
        }
    }
}
