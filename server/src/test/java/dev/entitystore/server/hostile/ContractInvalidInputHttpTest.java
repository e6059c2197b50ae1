package dev.entitystore.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.ContractOperations;
import dev.entitystore.server.RunningServer;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Contract conformance from the other side (issue 16): every operation of {@code openapi/}, driven from
 * its own declaration, gets each typed query parameter and each typed body property with a value of the
 * wrong type or out of its bounds, and bodies of the wrong JSON type. Every answer must be a 4xx in
 * Kibana's body (never a 5xx: {@link RawClient#checkShape}), the type errors a 400, and a refused write
 * must leave the store as it was. {@link FuzzHttpTest} adds random hostile input on top.
 */
class ContractInvalidInputHttpTest {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static final List<String> SPACES = List.of("default");
    private static final Map<String, String> WRITE_HEADERS = Map.of("kbn-xsrf", "true", "Content-Type", "application/json");

    @Test
    void everyOperationRefusesWrongTypesWith400AndChangesNothing() {
        RawClient client = new RawClient(server.port());
        client.write("POST", "/api/security/entity_store/install", "{}");
        client.write("POST", "/api/security/entity_store/entities/host", "{\"host\":{\"name\":\"conform-1\"}}");
        JsonNode content = StoreContent.read(client, SPACES);
        Set<String> exercised = new LinkedHashSet<>();
        int sent = 0;
        for (ContractOperations.Declared declared : ContractOperations.ALL) {
            Operation operation = operation(declared);
            String path = declared.template().replace("{entityType}", "host").replace("{entityId}", "host:conform-1")
                    .replace("{uid}", "u_conform_0").replace("{file}", "swagger-ui.css").replace("{jobId}", "job-conform")
                    .replace("{id}", "email_exact_match").replace("{user}", "conform");
            // A route taking a file (CSV upload, import stream) refuses this suite's JSON body first: 415.
            boolean fileBody = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().get("application/json") == null;
            List<Invalid> invalid = new ArrayList<>(queryCases(operation));
            invalid.addAll(bodyCases(operation));
            for (Invalid one : invalid) {
                boolean writes = !declared.method().equals("GET");
                RawClient.Answer answer = client.send(declared.method(), path + one.query(),
                        one.body() == null ? null : one.body().getBytes(StandardCharsets.UTF_8),
                        writes ? WRITE_HEADERS : Map.of());
                sent++;
                exercised.add(declared.operationId());
                String what = declared.method() + " " + path + one.query() + " " + one.body() + " -> " + answer.body();
                if (one.typeError()) {
                    assertThat(answer.status()).as(what).isIn(fileBody ? List.of(400, 415) : List.of(400));
                } else {
                    assertThat(answer.status()).as(what).isLessThan(500);
                }
                if (writes && answer.status() >= 400) {
                    assertThat(StoreContent.read(client, SPACES)).as("store changed by " + what).isEqualTo(content);
                } else if (writes) {
                    content = StoreContent.read(client, SPACES);
                }
            }
        }
        System.out.printf("Contract invalid input: %d requests over %d operations%n", sent, exercised.size());
        Set<String> withInput = new LinkedHashSet<>();
        for (ContractOperations.Declared declared : ContractOperations.ALL) {
            Operation operation = operation(declared);
            if (!queryCases(operation).isEmpty() || !bodyCases(operation).isEmpty()) {
                withInput.add(declared.operationId());
            }
        }
        assertThat(exercised).containsExactlyInAnyOrderElementsOf(withInput);
        assertThat(withInput).contains("createEntity", "listEntities", "installEntityStore", "v1InitEngine",
                "v1ListEntities", "v1BulkUpsertEntities");
    }

    /** One invalid request part: a query string and/or a body, and whether it is a plain type error. */
    private record Invalid(String query, String body, boolean typeError) {
    }

    private static Operation operation(ContractOperations.Declared declared) {
        PathItem item = ContractOperations.SPEC.getPaths().get(declared.template());
        return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(declared.method()));
    }

    private static List<Invalid> queryCases(Operation operation) {
        List<Invalid> cases = new ArrayList<>();
        if (operation.getParameters() == null) {
            return cases;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (!"query".equals(parameter.getIn()) || parameter.getSchema() == null) {
                continue;
            }
            Schema<?> schema = resolve(parameter.getSchema());
            String name = parameter.getName();
            if ("integer".equals(schema.getType())) {
                cases.add(new Invalid("?" + name + "=abc", null, true));
                cases.add(new Invalid("?" + name + "=1.5", null, true));
                if (schema.getMinimum() != null) {
                    cases.add(new Invalid("?" + name + "=" + schema.getMinimum().subtract(java.math.BigDecimal.ONE), null, true));
                }
                if (schema.getMaximum() != null) {
                    cases.add(new Invalid("?" + name + "=" + schema.getMaximum().add(java.math.BigDecimal.ONE), null, true));
                }
            } else if ("boolean".equals(schema.getType())) {
                cases.add(new Invalid("?" + name + "=maybe", null, true));
            } else if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
                cases.add(new Invalid("?" + name + "=" + encode("not-an-option"), null, true));
            }
        }
        return cases;
    }

    private static List<Invalid> bodyCases(Operation operation) {
        List<Invalid> cases = new ArrayList<>();
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return cases;
        }
        if (operation.getRequestBody().getContent().get("application/json") == null) {
            return cases; // a file body (CSV upload, import stream): no JSON fields to get wrong
        }
        Schema<?> body = resolve(operation.getRequestBody().getContent().get("application/json").getSchema());
        cases.add(new Invalid("", "[]", true));
        cases.add(new Invalid("", "7", true));
        if (body.getProperties() == null) {
            return cases;
        }
        for (Map.Entry<String, Schema> property : body.getProperties().entrySet()) {
            Schema<?> schema = resolve(property.getValue());
            String wrong = wrongJson(schema);
            if (wrong != null) {
                Map<String, String> fields = new LinkedHashMap<>(requiredSamples(body, property.getKey()));
                fields.put(property.getKey(), wrong);
                cases.add(new Invalid("", json(fields), true));
            }
        }
        return cases;
    }

    /** A JSON value no schema of this type accepts; null for an untyped (free-form) schema. */
    private static String wrongJson(Schema<?> schema) {
        String type = schema.getType();
        if (type == null && schema.getEnum() == null) {
            return null;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return "\"not-an-option\"";
        }
        switch (type) {
            case "string":
                return "7";
            case "integer":
            case "number":
                return "\"seven\"";
            case "boolean":
                return "\"true\"";
            case "array":
                return "\"not-an-array\"";
            default:
                return "\"not-an-object\"";
        }
    }

    /** Valid values for the other required properties, so that only the one under test is wrong. */
    private static Map<String, String> requiredSamples(Schema<?> body, String except) {
        Map<String, String> samples = new LinkedHashMap<>();
        if (body.getRequired() == null) {
            return samples;
        }
        for (String required : body.getRequired()) {
            if (!required.equals(except)) {
                Schema<?> schema = resolve(body.getProperties().get(required));
                samples.put(required, "array".equals(schema.getType()) ? "[]" : "object".equals(schema.getType()) ? "{}" : "\"x\"");
            }
        }
        return samples;
    }

    private static Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        while (current != null && current.get$ref() != null) {
            String name = current.get$ref().substring(current.get$ref().lastIndexOf('/') + 1);
            current = ContractOperations.SPEC.getComponents().getSchemas().get(name);
        }
        return current;
    }

    private static String json(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((key, value) -> out.append(out.length() > 1 ? "," : "").append('"').append(key).append("\":").append(value));
        return out.append('}').toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
