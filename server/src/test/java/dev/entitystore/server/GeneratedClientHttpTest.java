package dev.entitystore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.client.ApiClient;
import dev.entitystore.client.ApiException;
import dev.entitystore.client.api.EnginesV2Api;
import dev.entitystore.client.api.EntitiesV2Api;
import dev.entitystore.client.model.EntityListResponse;
import dev.entitystore.client.model.EntityType;
import dev.entitystore.client.model.InstallEntityStoreRequest;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client generated at build time from the contract the server serves (openapi-generator's Java
 * client) works against the server: install, create, update, read back, list in both modes, and Kibana's errors arrive as
 * the declared error answers.
 */
class GeneratedClientHttpTest {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    @Test
    void clientGeneratedFromTheServedContractCreatesUpdatesAndReads() throws Exception {
        ApiClient client = new ApiClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1),
                new ApiClient().getObjectMapper(), "http://127.0.0.1:" + server.port());
        EnginesV2Api engines = new EnginesV2Api(client);
        EntitiesV2Api entities = new EntitiesV2Api(client);

        engines.installEntityStore("true", new InstallEntityStoreRequest().entityTypes(List.of(EntityType.HOST)));
        assertThat(entities.createEntity(EntityType.HOST, Map.of("host", Map.of("name", "generated-client")), "true", null, null).getOk())
                .isTrue();
        entities.updateEntity(EntityType.HOST,
                Map.of("entity", Map.of("id", "host:generated-client", "attributes", Map.of("managed", true))), false, "true", null, null, null, null);

        Object stored = entities.getEntity(EntityType.HOST, "host:generated-client", null);
        assertThat(stored).asString().contains("managed=true").contains("name=generated-client");

        EntityListResponse cursor = entities.listEntities("host.name: generated-client", 10L, null, null, null,
                null, null, null, null, null, null);
        assertThat(cursor.getEntities()).hasSize(1);
        assertThat(cursor.getEntities().get(0)).asString().contains("host:generated-client");
        EntityListResponse page = entities.listEntities(null, null, null, null, null, 1L, 10, null, null, null,
                List.of("host"));
        assertThat(page.getTotal()).isEqualTo(1L);

        assertThatThrownBy(() -> entities.createEntity(EntityType.HOST, Map.of("host", Map.of("name", "generated-client")), "true", null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getResponseBody()).contains("Entity ID 'host:generated-client' already exists");
                });
    }
}
