package dev.entitystore.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.RunningServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bulk item cap, configured (ENTITY_STORE_MAX_BULK_ITEMS=5): at the cap it writes, past it nothing. */
class BulkItemLimitHttpTest {
    @RegisterExtension
    static RunningServer server = new RunningServer(Map.of("ENTITY_STORE_MAX_BULK_ITEMS", "5"));

    private static final String CAP = "[request body]: entities: Too big: expected array to have <=5 items"
            + " (the server's bulk limit; send the rest in another request)";
    private static RawClient client;

    @BeforeAll
    static void install() {
        client = new RawClient(server.port());
        assertThat(client.write("POST", "/api/security/entity_store/install", "{}").status()).isEqualTo(201);
    }

    private static String v2Bulk(int items, String prefix) {
        StringBuilder body = new StringBuilder("{\"entities\":[");
        for (int i = 0; i < items; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"host\",\"doc\":{\"entity.id\":\"host:")
                    .append(prefix).append(i).append("\"}}");
        }
        return body.append("]}").toString();
    }

    private static String v1Bulk(int items, String prefix) {
        StringBuilder body = new StringBuilder("{\"entities\":[");
        for (int i = 0; i < items; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"host\",\"record\":{\"entity\":{\"id\":\"host:")
                    .append(prefix).append(i).append("\"}}}");
        }
        return body.append("]}").toString();
    }

    @Test
    void v2BulkAtTheCapIsWrittenAndOneMoreIsRefusedWhole() {
        RawClient.Answer atCap = client.write("PUT", "/api/security/entity_store/entities/bulk", v2Bulk(5, "v2-at-"));
        assertThat(atCap.status()).as(atCap.body()).isEqualTo(200);
        JsonNode before = StoreContent.read(client, List.of("default"));
        RawClient.Answer over = client.write("PUT", "/api/security/entity_store/entities/bulk", v2Bulk(6, "v2-over-"));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.message()).isEqualTo(CAP);
        assertThat(StoreContent.read(client, List.of("default"))).isEqualTo(before);
    }

    @Test
    void v1BulkAtTheCapIsWrittenAndOneMoreIsRefusedWhole() {
        assertThat(client.write("POST", "/api/entity_store/engines/host/init", "{}").status()).isEqualTo(200);
        RawClient.Answer atCap = client.write("POST", "/api/entity_store/entities/bulk", v1Bulk(5, "v1-at-"));
        assertThat(atCap.status()).as(atCap.body()).isEqualTo(200);
        JsonNode before = StoreContent.read(client, List.of("default"));
        for (String method : List.of("PUT", "POST")) {
            RawClient.Answer over = client.write(method, "/api/entity_store/entities/bulk", v1Bulk(6, "v1-over-"));
            assertThat(over.status()).isEqualTo(400);
            assertThat(over.message()).isEqualTo(CAP);
        }
        assertThat(StoreContent.read(client, List.of("default"))).isEqualTo(before);
    }
}
