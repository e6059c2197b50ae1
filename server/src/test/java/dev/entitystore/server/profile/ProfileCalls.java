package dev.entitystore.server.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The user-profile routes as an Elasticsearch client calls them: with credentials, without
 * {@code kbn-xsrf}, and Elasticsearch's error body checked exactly.
 */
final class ProfileCalls {
    static final String PROFILE = "/_security/profile/";
    private final RunningServer server;

    ProfileCalls(RunningServer server) {
        this.server = server;
    }

    HttpClientForTests.Request as(String authorization, String method, String path) {
        return server.client().request(method, path).withoutHeader("kbn-xsrf").header("Authorization", authorization);
    }

    /** Activates the user of a {@code Basic} header (their password is in it) as {@code caller}. */
    Answer activate(String caller, String userBasic) {
        String[] userAndPassword = new String(Base64.getDecoder().decode(userBasic.substring("Basic ".length())),
                StandardCharsets.UTF_8).split(":", 2);
        return as(caller, "POST", PROFILE + "_activate").json("{\"grant_type\":\"password\",\"username\":\""
                + userAndPassword[0] + "\",\"password\":\"" + userAndPassword[1] + "\"}").send();
    }

    String activatedUid(String caller, String userBasic) {
        Answer answer = activate(caller, userBasic);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("uid").asText();
    }

    Answer update(String caller, String method, String uid, String query, String body) {
        return as(caller, method, PROFILE + uid + "/_data" + query).json(body).send();
    }

    void updated(String caller, String uid, String body) {
        Answer answer = update(caller, "POST", uid, "", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("acknowledged").asBoolean()).isTrue();
    }

    Answer get(String caller, String uids, String query) {
        return as(caller, "GET", PROFILE + uids + query).send();
    }

    /** The one profile of {@code uid}, read with {@code ?data=<data>} (null: no data parameter). */
    JsonNode profile(String caller, String uid, String data) {
        Answer answer = get(caller, uid, data == null ? "" : "?data=" + data);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("profiles")).as(answer.body()).hasSize(1);
        return answer.json().path("profiles").get(0);
    }

    /** Elasticsearch's error body with exactly this status, type and reason. */
    static void assertElasticsearchError(Answer answer, int status, String type, String reason) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.path("status").asInt()).as(answer.body()).isEqualTo(status);
        assertThat(body.path("error").path("type").asText()).as(answer.body()).isEqualTo(type);
        assertThat(body.path("error").path("reason").asText()).as(answer.body()).isEqualTo(reason);
        assertThat(body.path("error").path("root_cause").get(0).path("type").asText()).isEqualTo(type);
        assertThat(body.path("error").path("root_cause").get(0).path("reason").asText()).isEqualTo(reason);
    }
}
