package dev.entitystore.server.history;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Versions and optimistic concurrency on the v2 routes: {@code ETag} on the GET of one entity and on
 * create and update, {@code If-Match} on update (412 in Kibana's error body when stale, nothing written),
 * {@code If-None-Match: *} on create; requests without them behave as Kibana's.
 */
abstract class EntityVersionsHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static final String V2 = "/api/security/entity_store";

    @BeforeAll
    static void install() {
        Answer answer = client().post(V2 + "/install", "{}");
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
    }

    static HttpClientForTests client() {
        return server.client();
    }

    static Answer create(String name, String ifNoneMatch) {
        HttpClientForTests.Request request = client().request("POST", V2 + "/entities/host")
                .json("{\"host\":{\"name\":\"" + name + "\"}}");
        return (ifNoneMatch == null ? request : request.header("If-None-Match", ifNoneMatch)).send();
    }

    static Answer update(String name, String managed, String ifMatch) {
        HttpClientForTests.Request request = client().request("PUT", V2 + "/entities/host")
                .json("{\"entity\":{\"id\":\"host:" + name + "\",\"attributes\":{\"managed\":" + managed + "}}}");
        return (ifMatch == null ? request : request.header("If-Match", ifMatch)).send();
    }

    static Answer get(String name) {
        return client().get(V2 + "/entities/host/host%3A" + name);
    }

    static String etag(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.header("ETag");
    }

    @Test
    void getCreateAndUpdateAnswerTheVersionAsETag() {
        assertThat(etag(create("ver-etag", null))).isEqualTo("\"1\"");
        assertThat(etag(update("ver-etag", "true", null))).isEqualTo("\"2\"");
        assertThat(etag(get("ver-etag"))).isEqualTo("\"2\"");
        assertThat(etag(update("ver-etag", "false", null))).isEqualTo("\"3\"");
        assertThat(etag(get("ver-etag"))).isEqualTo("\"3\"");
    }

    @Test
    void aStaleIfMatchIs412AndWritesNothing() {
        etag(create("ver-stale", null));
        String current = etag(update("ver-stale", "true", null));
        assertError(update("ver-stale", "false", "\"1\""), 412, "Precondition Failed",
                "Entity ID 'host:ver-stale' is at version 2, not the version the request expected (If-Match: \"1\")");
        Answer stored = get("ver-stale");
        assertThat(etag(stored)).isEqualTo(current);
        assertThat(stored.json().at("/entity/attributes/managed").asBoolean()).isTrue();
        assertThat(client().get(V2 + "/entities/host/host%3Aver-stale/history").json().path("changes")).hasSize(2);
    }

    @Test
    void aCurrentWeakOrWildcardIfMatchApplies() {
        etag(create("ver-match", null));
        assertThat(etag(update("ver-match", "true", "\"1\""))).isEqualTo("\"2\"");
        assertThat(etag(update("ver-match", "false", "W/\"2\""))).isEqualTo("\"3\"");
        assertThat(etag(update("ver-match", "true", "*"))).isEqualTo("\"4\"");
        assertThat(etag(update("ver-match", "false", "\"9\", \"4\""))).isEqualTo("\"5\"");
        assertError(update("ver-missing", "true", "*"), 404, "Not Found", "Entity ID 'host:ver-missing' not found");
    }

    @Test
    void ifNoneMatchStarMakesASecondCreate412InsteadOf409() {
        assertThat(etag(create("ver-none", "*"))).isEqualTo("\"1\"");
        assertError(create("ver-none", "*"), 412, "Precondition Failed",
                "Entity ID 'host:ver-none' already exists (version 1); the request asked for it not to (If-None-Match: *)");
        assertError(create("ver-none", null), 409, "Conflict", "Entity ID 'host:ver-none' already exists");
    }
}
