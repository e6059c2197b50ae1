package dev.entitystore.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The browsable API: the page, its files, and the contract it loads, as a browser would fetch them. */
abstract class ApiDocsHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static HttpClientForTests client() {
        return server.client();
    }

    @Test
    void the_page_loads_swagger_ui_over_this_servers_contract() {
        HttpClientForTests.Answer page = client().get("/api/entity_store/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("docs/swagger-ui-bundle.js").contains("url: \"openapi.json\"");
        // What the page asks for, resolved against /api/entity_store/docs:
        HttpClientForTests.Answer bundle = client().get("/api/entity_store/docs/swagger-ui-bundle.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.header("Content-Type")).startsWith("application/javascript");
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(client().get("/api/entity_store/docs/swagger-ui.css").header("Content-Type")).startsWith("text/css");
        assertThat(client().get("/api/entity_store/docs/swagger-ui-standalone-preset.js").status()).isEqualTo(200);
        assertThat(client().get("/api/entity_store/openapi.json").json().path("openapi").asText()).startsWith("3.");
    }

    @Test
    void the_page_works_under_a_space_too() {
        assertThat(client().get("/s/team-a/api/entity_store/docs").status()).isEqualTo(200);
        assertThat(client().get("/s/team-a/api/entity_store/docs/swagger-ui.css").status()).isEqualTo(200);
    }

    @Test
    void only_the_pages_own_files_are_served() {
        assertThat(client().get("/api/entity_store/docs/swagger-initializer.js").status()).isIn(400, 404);
        assertThat(client().get("/api/entity_store/docs/..%2F..%2Fopenapi.json").status()).isIn(400, 404);
    }
}
