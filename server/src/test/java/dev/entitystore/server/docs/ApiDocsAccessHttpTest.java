package dev.entitystore.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.RunningServer;
import dev.entitystore.server.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The browsable API needs credentials like every route; a browser is asked for Basic ones. */
class ApiDocsAccessHttpTest {
    private static final TestCredentials CREDENTIALS = TestCredentials.inTempDirectory();
    private static final String READER = CREDENTIALS.addUser("viewer", "--spaces", "default", "--read-only");

    @RegisterExtension
    static RunningServer server = new RunningServer(CREDENTIALS.environment());

    @Test
    void without_credentials_the_browser_is_asked_for_them() {
        var answer = server.client().get("/api/entity_store/docs");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().get("www-authenticate")).anyMatch(value -> value.startsWith("Basic realm="));
        assertThat(server.client().get("/api/entity_store/docs/swagger-ui-bundle.js").status()).isEqualTo(401);
    }

    @Test
    void with_a_users_password_the_page_and_its_files_load() {
        assertThat(server.client().request("GET", "/api/entity_store/docs").header("Authorization", READER).send().status())
                .isEqualTo(200);
        assertThat(server.client().request("GET", "/api/entity_store/docs/swagger-ui.css").header("Authorization", READER)
                .send().status()).isEqualTo(200);
    }
}
