package dev.entitystore.server.transfer;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static dev.entitystore.server.transfer.TransferCalls.export;
import static dev.entitystore.server.transfer.TransferCalls.importAndWait;
import static dev.entitystore.server.transfer.TransferCalls.install;
import static dev.entitystore.server.transfer.TransferCalls.lines;
import static dev.entitystore.server.transfer.TransferCalls.v2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The import body's own maximum ({@code --max-import-bytes}, issue 20 item 4): a body past it is refused
 * with 413 in the route's error shape, whether its length is declared or it arrives chunked, and nothing
 * of it is applied (no job starts); a body at the maximum is taken whole.
 */
abstract class ImportBodyLimitHttpSuite {
    static final int LIMIT = 64 * 1024;
    static final String TOO_LARGE = "Payload content length greater than maximum allowed: " + LIMIT;

    @RegisterExtension
    static RunningServer server = new RunningServer(Map.of("ENTITY_STORE_MAX_IMPORT_BYTES", String.valueOf(LIMIT)));

    /** NDJSON host lines of {@code bytes} bytes in all (the last line padded to fit). */
    static byte[] body(int bytes) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() + 200 < bytes; i++) {
            body.append("{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"limit-").append(i).append("\"}}}\n");
        }
        String last = "{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"last\"},\"entity\":{\"source\":[\"\"]}}}\n";
        int padding = bytes - body.length() - last.length();
        body.append(last.replace("[\"\"]", "[\"" + "p".repeat(padding) + "\"]"));
        byte[] encoded = body.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(encoded).hasSize(bytes);
        return encoded;
    }

    static Answer send(String space, boolean chunked, byte[] body) {
        var request = server.client().request("POST", v2(space) + "/_import").header("Content-Type", "application/x-ndjson");
        return (chunked ? request.chunked(body) : request.bytes(body)).send();
    }

    @Test
    void aBodyDeclaredPastTheMaximumIs413AndNothingIsImported() {
        install(server.client(), "declared");
        assertError(send("declared", false, body(LIMIT + 1)), 413, "Request Entity Too Large", TOO_LARGE);
        assertThat(export(server.client(), "declared", "").body()).isEmpty();
    }

    @Test
    void aChunkedBodyCutAtTheMaximumIs413AndNothingIsImported() {
        install(server.client(), "chunked");
        assertError(send("chunked", true, body(3 * LIMIT)), 413, "Request Entity Too Large", TOO_LARGE);
        assertThat(export(server.client(), "chunked", "").body()).isEmpty();
    }

    @Test
    void aBodyOfExactlyTheMaximumIsImportedWhole() {
        install(server.client(), "atlimit");
        byte[] body = body(LIMIT);
        long lines = new String(body, StandardCharsets.UTF_8).lines().count();
        JsonNode job = importAndWait(server.client(), "atlimit", "", "application/x-ndjson", new String(body, StandardCharsets.UTF_8));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.path("created").asLong()).as(job.toString()).isEqualTo(lines);
        assertThat(lines(export(server.client(), "atlimit", "").body())).hasSize((int) lines);
        Answer chunked = send("atlimit", true, body);
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(202);
    }
}
