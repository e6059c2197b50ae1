package dev.entitystore.server.transfer;

import static dev.entitystore.server.transfer.TransferCalls.export;
import static dev.entitystore.server.transfer.TransferCalls.importAndWait;
import static dev.entitystore.server.transfer.TransferCalls.install;
import static dev.entitystore.server.transfer.TransferCalls.lines;
import static dev.entitystore.server.transfer.TransferCalls.records;
import static dev.entitystore.server.transfer.TransferCalls.v2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Streamed export and import (issue 20, item 4): both formats, the formula escaping, the import's modes,
 * line errors, dry runs and bodies beyond the JSON limit; an export imports as it is.
 */
abstract class EntityTransferHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static HttpClientForTests client() {
        return server.client();
    }

    static void create(String space, String type, String body) {
        Answer answer = client().post(v2(space) + "/entities/" + type, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    static void seed(String space) {
        install(client(), space);
        create(space, "host", "{\"host\":{\"name\":\"web-01\",\"ip\":[\"10.0.0.1\",\"10.0.0.2\"]},"
                + "\"entity\":{\"attributes\":{\"watchlists\":[\"a|b\",\"back\\\\slash\"],\"managed\":true}}}");
        create(space, "host", "{\"host\":{\"name\":\"=HYPERLINK(1)\"},\"entity\":{\"source\":[\"-x\"]}}");
        create(space, "service", "{\"service\":{\"name\":\"billing\"},\"entity\":{\"risk\":{\"calculated_score\":42.5}}}");
        create(space, "generic", "{\"entity\":{\"id\":\"bucket-7\",\"name\":\"with, comma \\\"and quote\\\"\"}}");
    }

    @Test
    void ndjsonExportStreamsEveryRecordAsABulkItem() {
        seed("exp");
        Answer answer = export(client(), "exp", "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(answer.body());
        assertThat(lines).hasSize(4);
        for (JsonNode line : lines) {
            String euid = line.at("/doc/entity/id").asText();
            String type = line.path("type").asText();
            assertThat(line.path("doc")).isEqualTo(client().get(v2("exp") + "/entities/" + type + "/" + euid).json());
        }
    }

    @Test
    void exportFiltersByKqlAndTypesAndKeepsOnlyTheFieldsAsked() {
        seed("expf");
        assertThat(lines(export(client(), "expf", "?entity_types=host").body())).hasSize(2);
        assertThat(lines(export(client(), "expf", "?filter=host.name:web-01").body())).hasSize(1);
        JsonNode only = lines(export(client(), "expf", "?filter=service.name:billing&fields=service.name").body()).get(0);
        assertThat(only.path("doc").toString()).isEqualTo(
                "{\"entity\":{\"id\":\"service:billing\",\"EngineMetadata\":{\"Type\":\"service\"}},\"service\":{\"name\":\"billing\"}}");
        assertThat(export(client(), "expf", "?filter=host.name:(").status()).isEqualTo(400);
        assertThat(export(client(), "not-installed", "").body()).isEmpty();
    }

    @Test
    void csvExportEscapesFormulasAndImportsBackToTheSameRecords() {
        seed("csvx");
        Answer csv = export(client(), "csvx", "?format=csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String text = csv.body();
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("type,");
        assertThat(text).contains("'=HYPERLINK(1)").contains("'-x").contains("a\\|b|back\\\\slash")
                .contains("entity.attributes.watchlists[]").contains("entity.risk.calculated_score:number")
                .contains("\"with, comma \"\"and quote\"\"\"");

        install(client(), "csvy");
        JsonNode job = importAndWait(client(), "csvy", "?format=csv", "text/csv", text);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.path("created").asLong()).as(job.toString()).isEqualTo(4);
        assertThat(records(client(), "csvy")).isEqualTo(records(client(), "csvx"));
    }

    @Test
    void ndjsonImportAppliesEachLineAndReportsTheBadOnesByLine() {
        install(client(), "imp");
        create("imp", "host", "{\"host\":{\"name\":\"existing\"}}");
        String body = "{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"new-1\"}}}\n"
                + "{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"existing\"},\"entity\":{\"attributes\":{\"watchlists\":[\"w1\"]}}}}\n"
                + "not json\n"
                + "{\"type\":\"router\",\"doc\":{}}\n"
                + "{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"existing\"},\"asset\":{\"criticality\":\"high_impact\"}}}\n"
                + "{\"type\":\"host\",\"doc\":{\"unknown_field\":1,\"host\":{\"name\":\"x\"}}}\n";
        JsonNode job = importAndWait(client(), "imp", "", "application/x-ndjson", body);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.path("processed").asLong()).as(job.toString()).isEqualTo(6);
        assertThat(job.path("created").asLong()).as(job.toString()).isEqualTo(1);
        assertThat(job.path("updated").asLong()).as(job.toString()).isEqualTo(1);
        assertThat(job.path("failed_lines").asLong()).isEqualTo(4);
        assertThat(job.path("errors").findValuesAsText("line")).containsExactlyInAnyOrder("3", "4", "5", "6");
        assertThat(job.path("errors").toString()).contains("(?force=true): asset.criticality");
        assertThat(client().get(v2("imp") + "/entities/host/host:existing").json().at("/entity/attributes/watchlists/0").asText())
                .isEqualTo("w1");

        JsonNode forced = importAndWait(client(), "imp", "?force=true&mode=update", "application/x-ndjson",
                "{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"existing\"},\"asset\":{\"criticality\":\"high_impact\"}}}\n"
                        + "{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"missing\"}}}\n");
        assertThat(forced.path("updated").asLong()).as(forced.toString()).isEqualTo(1);
        assertThat(forced.path("unmatched").asLong()).isEqualTo(1);
        assertThat(client().get(v2("imp") + "/entities/host/host:missing").status()).isEqualTo(404);
    }

    @Test
    void createModeSkipsStoredEntitiesAndADryRunWritesNothing() {
        install(client(), "modes");
        create("modes", "host", "{\"host\":{\"name\":\"kept\"},\"entity\":{\"source\":[\"original\"]}}");
        String body = "{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"kept\"},\"entity\":{\"source\":[\"other\"]}}}\n"
                + "{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"fresh\"}}}\n";
        JsonNode dry = importAndWait(client(), "modes", "?mode=create&dry_run=true", "application/x-ndjson", body);
        assertThat(dry.path("dry_run").asBoolean()).isTrue();
        assertThat(dry.path("created").asLong()).as(dry.toString()).isEqualTo(1);
        assertThat(dry.path("unmatched").asLong()).isEqualTo(1);
        assertThat(client().get(v2("modes") + "/entities/host/host:fresh").status()).isEqualTo(404);

        JsonNode real = importAndWait(client(), "modes", "?mode=create", "application/x-ndjson", body);
        assertThat(real.path("created").asLong()).as(real.toString()).isEqualTo(1);
        assertThat(real.path("unmatched").asLong()).isEqualTo(1);
        assertThat(client().get(v2("modes") + "/entities/host/host:kept").json().at("/entity/source/0").asText())
                .isEqualTo("original");
    }

    @Test
    void anImportBodyMayBeFarOverTheJsonBodyLimit() {
        install(client(), "big");
        StringBuilder body = new StringBuilder();
        String padding = "x".repeat(400);
        for (int i = 0; i < 3000; i++) {
            body.append("{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"big-").append(i)
                    .append("\"},\"entity\":{\"attributes\":{\"watchlists\":[\"").append(padding).append("\"]}}}}\n");
        }
        assertThat(body.length()).isGreaterThan(1024 * 1024);
        JsonNode job = importAndWait(client(), "big", "", "application/x-ndjson", body.toString());
        assertThat(job.path("created").asLong()).as(job.toString()).isEqualTo(3000);
        assertThat(lines(export(client(), "big", "").body())).hasSize(3000);
    }

    @Test
    void linesOfOneEntityInBatchesInTheStoreTogetherApplyInBodyOrder() {
        install(client(), "order");
        // 4,500 lines go to the store as 5 batches, two at a time; one host is in 4 of them, changed each time.
        StringBuilder body = new StringBuilder();
        int step = 0;
        for (int i = 0; i < 4500; i++) {
            if (i % 1100 == 999) {
                step++;
                body.append("{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"moving\"},\"entity\":{\"attributes\":{\"watchlists\":[\"step-")
                        .append(step).append("\"]}}}}\r\n");
            } else {
                body.append("{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"still-").append(i).append("\"}}}\n");
            }
            if (i == 2000) {
                body.append("   \n");
            }
        }
        JsonNode job = importAndWait(client(), "order", "", "application/x-ndjson", body.toString());
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.path("processed").asLong()).as(job.toString()).isEqualTo(4500);
        assertThat(job.path("created").asLong()).isEqualTo(4500 - 4 + 1);
        assertThat(job.path("updated").asLong()).isEqualTo(3);
        assertThat(job.path("failed_lines").asLong()).isZero();
        assertThat(client().get(v2("order") + "/entities/host/host:moving").json().at("/entity/attributes/watchlists").toString())
                .isEqualTo("[\"step-4\"]");
    }

    @Test
    void importNeedsTheStoreInstalledAndAnUnknownJobIs404() {
        Answer refused = client().request("POST", v2("not-installed") + "/_import").header("Content-Type", "application/x-ndjson")
                .bytes("{}\n".getBytes()).send();
        assertThat(refused.status()).isEqualTo(400);
        install(client(), "jobs");
        assertThat(client().get(v2("jobs") + "/_import/no-such-job").status()).isEqualTo(404);
    }

    @Test
    void aJobCutOffByAStopReadsFailedWithTheLineItReached() {
        install(client(), "cut");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            body.append("{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"cut-").append(i).append("\"}}}\n");
        }
        Answer started = client().request("POST", v2("cut") + "/_import").header("Content-Type", "application/x-ndjson")
                .bytes(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("job_id").asText();
        server.stop();
        server.start();
        JsonNode job = client().get(v2("cut") + "/_import/" + id).json();
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("failed");
        assertThat(job.path("reason").asText()).contains("The server stopped while the job ran (at line ");
        assertThat(job.path("processed").asLong()).isLessThan(100_000);
    }
}
