package dev.entitystore.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityStoreClientTest {

    @Test
    void severalBaseUrlsAreUsedInTurnOneRequestEach() {
        EntityStoreClient client = EntityStoreClient.of("http://127.0.0.1:5601, http://127.0.0.1:5602,http://localhost:5603");
        List<Integer> ports = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            ports.add(client.getRequest("host", "host:web-" + n).uri().getPort());
        }
        assertThat(ports).containsExactly(5601, 5602, 5603, 5601, 5602, 5603);
        assertThat(client.servers()).isEqualTo(3);
        assertThat(client.base().getPort()).isEqualTo(5601);
    }

    @Test
    void everyBaseUrlMustBeLoopback() {
        assertThatThrownBy(() -> EntityStoreClient.of("http://127.0.0.1:5601,http://10.0.0.7:5601"))
                .hasMessageContaining("loopback only");
        assertThatThrownBy(() -> EntityStoreClient.of(" , ")).hasMessageContaining("no server URL");
    }
}
