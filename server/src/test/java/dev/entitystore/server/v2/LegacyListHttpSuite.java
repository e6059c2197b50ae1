package dev.entitystore.server.v2;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.RunningServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The legacy list ({@code GET /api/entity_store/entities/list}) over the same store and index. */
abstract class LegacyListHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static final String LIST = "/api/entity_store/entities/list";

    @BeforeAll
    static void fill() {
        assertThat(client().post("/api/security/entity_store/install", "{}").status()).isIn(200, 201);
        assertThat(client().post("/api/security/entity_store/entities/host", "{\"host\":{\"name\":\"legacy-01\"}}").status()).isEqualTo(200);
        assertThat(client().post("/api/security/entity_store/entities/generic", "{\"entity\":{\"id\":\"legacy-generic\"}}").status()).isEqualTo(200);
    }

    static HttpClientForTests client() {
        return server.client();
    }

    @Test
    void listsTheAskedTypesAsPages() {
        JsonNode answer = client().get(LIST + "?entity_types=host").json();
        assertThat(answer.path("records")).hasSize(1);
        assertThat(answer.at("/records/0/entity/id").asText()).isEqualTo("host:legacy-01");
        assertThat(answer.path("total").asLong()).isEqualTo(1);
        assertThat(answer.path("page").asInt()).isEqualTo(1);
        assertThat(answer.path("per_page").asInt()).isEqualTo(10);
        assertThat(answer.at("/inspect/dsl/0").asText()).contains("entity.EngineMetadata.Type");
        JsonNode both = client().get(LIST + "?entity_types=host,generic&sort_field=entity.id&sort_order=asc&filterQuery="
                + URLEncoder.encode("{\"prefix\":{\"entity.id\":\"\"}}", StandardCharsets.UTF_8)).json();
        assertThat(both.path("records")).hasSize(2);
        assertThat(both.at("/records/0/entity/id").asText()).isEqualTo("host:legacy-01");
    }

    @Test
    void entityTypesAreRequired() {
        assertError(client().get(LIST), 400, "Bad Request", "[request query]: entity_types: Required");
        assertError(client().get(LIST + "?entity_types=robot"), 400, "Bad Request",
                "[request query]: entity_types.0: Invalid option: expected one of \"user\"|\"host\"|\"service\"|\"generic\"");
        assertError(client().get(LIST + "?entity_types=host&filterQuery=nope"), 400, "Bad Request", "Invalid filterQuery: must be valid JSON");
    }
}
