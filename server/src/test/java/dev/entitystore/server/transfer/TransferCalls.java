package dev.entitystore.server.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Export, import and the records of a space, as the transfer suites call them. */
final class TransferCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TransferCalls() {
    }

    static String v2(String space) {
        return "/s/" + space + "/api/security/entity_store";
    }

    static void install(HttpClientForTests client, String space) {
        Answer answer = client.post(v2(space) + "/install", "{}");
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
    }

    static Answer export(HttpClientForTests client, String space, String query) {
        return client.get(v2(space) + "/_export" + query);
    }

    /** Starts an import and waits for its job to end; the job's last status. */
    static JsonNode importAndWait(HttpClientForTests client, String space, String query, String contentType, String body) {
        Answer started = client.request("POST", v2(space) + "/_import" + query).header("Content-Type", contentType)
                .bytes(body.getBytes(StandardCharsets.UTF_8)).send();
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("job_id").asText();
        assertThat(started.header("Location")).endsWith(v2(space) + "/_import/" + id);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode job = client.get(v2(space) + "/_import/" + id).json();
            if (!job.path("status").asText().equals("running")) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("import job " + id + " still running");
    }

    /** Every record of the space by EUID, without {@code @timestamp} (a write's own time). */
    static Map<String, JsonNode> records(HttpClientForTests client, String space) {
        Map<String, JsonNode> records = new TreeMap<>();
        for (JsonNode line : lines(export(client, space, "").body())) {
            ObjectNode doc = (ObjectNode) line.path("doc").deepCopy();
            doc.remove("@timestamp");
            records.put(doc.at("/entity/id").asText(), doc);
        }
        return records;
    }

    static List<JsonNode> lines(String ndjson) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return lines;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
