package dev.entitystore.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.RunningServer;
import dev.entitystore.server.hostile.RawClient.Answer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9, hostile input with the default limits: each request over a limit is refused in Kibana's body
 * with a clear text, and the store reads the same before and after.
 */
class HostileInputHttpTest {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static final String ENTITIES = "/api/security/entity_store/entities";
    private static RawClient client;

    @BeforeAll
    static void installAndCreateOne() {
        client = new RawClient(server.port());
        assertThat(client.write("POST", "/api/security/entity_store/install", "{}").status()).isEqualTo(201);
        assertThat(client.write("POST", ENTITIES + "/host", "{\"host\":{\"name\":\"kept\"}}").status()).isEqualTo(200);
        assertThat(client.write("POST", "/api/entity_store/engines/user/init", "{}").status()).isEqualTo(200);
    }

    /** Sends, expects a 400 with exactly this message, and checks the store did not change. */
    private static void refused(int status, String message, Supplier<Answer> request) {
        JsonNode before = StoreContent.read(client, List.of("default"));
        Answer answer = request.get();
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.message()).isEqualTo(message);
        assertThat(StoreContent.read(client, List.of("default"))).isEqualTo(before);
    }

    private static String bulkOf(int items, String itemJson) {
        StringBuilder body = new StringBuilder("{\"entities\":[");
        for (int i = 0; i < items; i++) {
            body.append(i == 0 ? "" : ",").append(itemJson.replace("#", String.valueOf(i)));
        }
        return body.append("]}").toString();
    }

    @Test
    void stringValueOverTheLimitIsRefusedNamingItsPath() {
        String body = "{\"host\":{\"name\":\"" + "x".repeat(65_537) + "\"}}";
        refused(400, "[request body]: host.name: Too big: expected string to have <=65536 characters",
                () -> client.write("POST", ENTITIES + "/host", body));
    }

    @Test
    void stringValueAtTheLimitIsAccepted() {
        String body = "{\"host\":{\"name\":\"long-" + "x".repeat(65_536 - 5) + "\"}}";
        assertThat(client.write("POST", ENTITIES + "/host", body).status()).isEqualTo(200);
    }

    @Test
    void keyOverTheLimitIsRefused() {
        String body = "{\"host\":{\"" + "k".repeat(1_025) + "\":\"v\"}}";
        refused(400, "[request body]: host: Too big: expected key to have <=1024 characters",
                () -> client.write("PUT", ENTITIES + "/host", body));
    }

    @Test
    void arrayInARecordOverTheLimitIsRefusedAlsoInsideABulkItem() {
        String ips = "[" + "\"10.0.0.1\",".repeat(10_000) + "\"10.0.0.2\"]";
        refused(400, "[request body]: host.ip: Too big: expected array to have <=10000 items",
                () -> client.write("POST", ENTITIES + "/host", "{\"host\":{\"name\":\"many\",\"ip\":" + ips + "}}"));
        String bulk = "{\"entities\":[{\"type\":\"host\",\"doc\":{\"entity.id\":\"host:kept\"}},"
                + "{\"type\":\"host\",\"doc\":{\"entity.id\":\"host:kept\",\"host\":{\"ip\":" + ips + "}}}]}";
        refused(400, "[request body]: entities.1.doc.host.ip: Too big: expected array to have <=10000 items",
                () -> client.write("PUT", ENTITIES + "/bulk", bulk));
    }

    @Test
    void nestingTooDeepNamesNoJavaClass() {
        // Regression: the answer used to quote Jackson's `StreamReadConstraints.getMaxNestingDepth()`.
        String deep = "{\"a\":".repeat(150) + "1" + "}".repeat(150);
        refused(400, "[request body]: Nested too deeply: expected at most 100 levels",
                () -> client.write("POST", ENTITIES + "/host", deep));
    }

    @Test
    void moreBulkItemsThanTheDefaultCapAreRefusedBeforeAnyIsWritten() {
        String v2 = bulkOf(10_001, "{\"type\":\"host\",\"doc\":{\"entity.id\":\"host:bulk-#\"}}");
        String cap = "[request body]: entities: Too big: expected array to have <=10000 items"
                + " (the server's bulk limit; send the rest in another request)";
        refused(400, cap, () -> client.write("PUT", ENTITIES + "/bulk", v2));
        String v1 = bulkOf(10_001, "{\"type\":\"user\",\"record\":{\"entity\":{\"id\":\"user:bulk-#\"}}}");
        refused(400, cap, () -> client.write("PUT", "/api/entity_store/entities/bulk", v1));
        refused(400, cap, () -> client.write("POST", "/api/entity_store/entities/bulk", v1));
    }

    @Test
    void uriLongerThanSixteenKibibytesAnswers414() {
        String filter = "a".repeat(16 * 1024);
        refused(414, "URI length greater than maximum allowed: 16384", () -> client.get(ENTITIES + "?filter=" + filter));
        Answer justUnder = client.get(ENTITIES + "?filter=" + "a".repeat(16 * 1024 - ENTITIES.length() - 8));
        assertThat(justUnder.status()).as(justUnder.body()).isEqualTo(200);
    }

    @Test
    void moreThanAThousandQueryParametersAreRefused() {
        String query = "x=1&".repeat(1_001);
        refused(400, "[request query]: Too many parameters: expected at most 1000",
                () -> client.get(ENTITIES + "?" + query.substring(0, query.length() - 1)));
    }

    @Test
    void headersBeyondTheContainerLimitCloseTheConnectionAndTheServerGoesOn() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/status HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70 * 1024) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(head).startsWith("HTTP/1.1 400");
        }
        assertThat(client.get("/api/status").status()).isEqualTo(200);
    }

    @Test
    void kqlNestedFiveThousandLevelsIsA400() {
        String kql = "(".repeat(5_000) + "a:1" + ")".repeat(5_000);
        refused(400, "Invalid filter: Expression is nested too deeply (more than 200 levels)",
                () -> client.get(ENTITIES + "?filter=" + kql));
    }

    @Test
    void kqlOfMoreThan1024ClausesIsA400NotA500() {
        // Regression: Lucene's TooManyClauses reached the client as a 500.
        StringBuilder kql = new StringBuilder("entity.id:(x0");
        for (int i = 1; i < 1_500; i++) {
            kql.append(" or x").append(i);
        }
        refused(400, "Invalid filter: the query has more than 1024 clauses once fields are resolved;"
                        + " use a terms query for long lists of values",
                () -> client.get(ENTITIES + "?filter=" + encode(kql.append(")").toString())));
    }

    @Test
    void wildcardTooComplexToCompileIsA400NotA500() {
        // Regression: Lucene's TooComplexToDeterminizeException reached the client as a 500.
        refused(400, "Invalid filter: a wildcard pattern is too complex to run",
                () -> client.get(ENTITIES + "?filter=" + encode("host.name:" + "*a?".repeat(500))));
    }

    @Test
    void queryStringNestedDeeplyIsA400NotA500() {
        // Regression: the query_string parser recursed until StackOverflowError (a 500).
        String groups = "(a ".repeat(2_000) + "a" + ")".repeat(2_000);
        Answer answer = client.get(ENTITIES + "?entity_types=host&filterQuery="
                + encode("{\"query_string\":{\"query\":\"" + groups + "\"}}"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).startsWith("Invalid filterQuery: [query_string] Failed to parse query")
                .contains("groups nested too deeply (more than 100 levels)");
    }

    @Test
    void dslNestedPastTheLimitIsA400() {
        String dsl = "{\"bool\":{\"must\":".repeat(150) + "{\"match_all\":{}}" + "}}".repeat(150);
        refused(400, "Invalid filterQuery: queries nested too deeply (more than 100 levels)",
                () -> client.get(ENTITIES + "?entity_types=host&filterQuery=" + encode(dsl)));
        refused(400, "Invalid filterQuery: queries nested too deeply (more than 100 levels)",
                () -> client.get("/api/entity_store/entities/list?entity_types=host&filterQuery=" + encode(dsl)));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void fuzzFindingNullInAnEntityTypesListIsA400NotA500() {
        // Found by FuzzHttpTest (seed 20250909): {"entityTypes":[null]} reached the resource and threw a NullPointerException.
        String v2 = "[request body]: entityTypes.0: Invalid option: expected one of \"user\"|\"host\"|\"service\"|\"generic\"";
        refused(400, v2, () -> client.write("PUT", "/api/security/entity_store/stop", "{\"entityTypes\":[null]}"));
        refused(400, v2.replace("entityTypes.0", "entityTypes.1"),
                () -> client.write("POST", "/api/security/entity_store/uninstall", "{\"entityTypes\":[\"host\",null]}"));
        Answer v1 = client.write("POST", "/api/entity_store/enable", "{\"entityTypes\":[null]}");
        assertThat(v1.status()).isEqualTo(400);
        assertThat(v1.message()).startsWith("[request body]: entityTypes.0: Invalid option: expected one of");
    }

    @Test
    void fuzzFindingMalformedContentTypeAnswersKibanasBody() {
        // Found by FuzzHttpTest (seed 20250909): Jersey answered "Content-Type: garbage" with a bare 400, no body.
        refused(400, "Invalid content-type header", () -> client.send("POST", ENTITIES + "/host",
                "{\"host\":{\"name\":\"ct\"}}".getBytes(StandardCharsets.UTF_8),
                java.util.Map.of("kbn-xsrf", "t", "Content-Type", "garbage")));
    }

    @Test
    void fuzzFindingNullItemInABulkUpdateIsA400NotA500AndWritesNothing() {
        // Found by a wide FuzzHttpTest run (seed 424242, 40,000 cases): {"entities":[null, ...]} on the v2
        // bulk threw a NullPointerException. Null items in every typed list now fail while the body is read;
        // refused() checks that the valid item beside the null one was not written.
        String item = "{\"type\":\"host\",\"doc\":{\"entity.id\":\"host:kept\",\"entity.attributes.managed\":true}}";
        refused(400, "[request body]: entities.0: Invalid input: expected object, received null",
                () -> client.write("PUT", ENTITIES + "/bulk", "{\"entities\":[null," + item + "]}"));
        refused(400, "[request body]: entities.1: Invalid input: expected object, received null",
                () -> client.write("PUT", ENTITIES + "/bulk", "{\"entities\":[" + item + ",null]}"));
    }

    @Test
    void nullInAnIndexPatternListIsA400() {
        refused(400, "[request body]: logExtraction.additionalIndexPatterns.0: Invalid input: expected string, received null",
                () -> client.write("PUT", "/api/security/entity_store", "{\"logExtraction\":{\"additionalIndexPatterns\":[null]}}"));
    }

    @Test
    void fuzzFindingNullItemInALegacyBulkIsA400NotA500() {
        // Found by FuzzHttpTest (seed 20250909, 3,000 cases): {"entities":[null]} on the v1 bulk threw a NullPointerException.
        String item = "{\"type\":\"host\",\"record\":{\"host\":{\"name\":\"bulk-#\"}}}";
        String body = "{\"entities\":[" + item.replace("#", "0") + ",null]}";
        refused(400, "[request body]: entities.1: Invalid input: expected object, received null",
                () -> client.write("PUT", "/api/entity_store/entities/bulk", body));
    }
}
