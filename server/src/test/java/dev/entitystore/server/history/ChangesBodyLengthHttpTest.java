package dev.entitystore.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A history page and a feed page are written into the response change by change with their length declared
 * ({@link ChangesJson}): the declared length is the body's, in bytes (values that are not ASCII included), and the
 * body is not sent in chunks.
 */
class ChangesBodyLengthHttpTest {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static final String V2 = "/s/body-length/api/security/entity_store";

    @Test
    void historyAndFeedPagesDeclareTheirLengthInBytes() {
        HttpClientForTests client = server.client();
        assertThat(client.post(V2 + "/install", "{}").status()).isIn(200, 201);
        ok(client.post(V2 + "/entities/host", "{\"host\":{\"name\":\"h1\",\"os\":{\"name\":\"Łódź é 😀\"}}}"));
        for (int i = 0; i < 30; i++) {
            ok(client.put(V2 + "/entities/host?force=true", "{\"host\":{\"name\":\"h1\",\"os\":{\"name\":\"ü " + i + "\"}}}"));
        }
        assertDeclaredLength(client.get(V2 + "/entities/host/host%3Ah1/history"), 31);
        assertDeclaredLength(client.get(V2 + "/entities/host/host%3Ah1/history?size=5"), 5);
        assertDeclaredLength(client.get(V2 + "/changes?size=1000"), 31);
    }

    private static void assertDeclaredLength(Answer answer, int changes) {
        ok(answer);
        assertThat(answer.json().path("changes").size()).isEqualTo(changes);
        assertThat(answer.header("Transfer-Encoding")).isNull();
        assertThat(answer.header("Content-Length")).isEqualTo(String.valueOf(answer.body().getBytes(StandardCharsets.UTF_8).length));
    }

    private static void ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
