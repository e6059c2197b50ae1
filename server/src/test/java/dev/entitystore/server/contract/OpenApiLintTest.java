package dev.entitystore.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract's lint gate, run by {@code mvn verify}: the spec parses cleanly, and the project's rules
 * (openapi/README.md) hold. A broken rule fails the build before any code is generated into use.
 */
class OpenApiLintTest {
    private static final String ERROR_BODY = "#/components/schemas/ErrorBody";
    /** Elasticsearch's user-profile and has-privileges APIs answer in Elasticsearch's envelope, and only they. */
    private static final java.util.Set<String> ELASTICSEARCH_TAGS = java.util.Set.of("UserProfiles", "SecurityPrivileges");
    private static final String ELASTICSEARCH_ERROR_BODY = "#/components/schemas/ElasticsearchErrorBody";
    /** Kibana's exception-list routes answer Kibana's envelope or the security solution's body: one schema holds both. */
    private static final String LISTS_TAG = "EndpointExceptions";
    private static final String LISTS_ERROR_BODY = "#/components/schemas/ListsErrorBody";
    private static OpenAPI spec;
    private static List<String> parseMessages;

    @BeforeAll
    static void parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        String location = Path.of("..", "openapi", "entity-store.yaml").toAbsolutePath().normalize().toString();
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(location, null, options);
        spec = result.getOpenAPI();
        parseMessages = result.getMessages() == null ? List.of() : result.getMessages();
    }

    @Test
    void specParsesWithoutMessages() {
        assertThat(spec).isNotNull();
        assertThat(parseMessages).isEmpty();
    }

    @Test
    void everyOperationHasAnIdOneTagAndASummary() {
        List<String> broken = new ArrayList<>();
        forEachOperation((name, op) -> {
            if (op.getOperationId() == null || op.getOperationId().isBlank()) {
                broken.add(name + ": no operationId");
            }
            if (op.getTags() == null || op.getTags().size() != 1) {
                broken.add(name + ": needs exactly one tag");
            }
            if (op.getSummary() == null || op.getSummary().isBlank()) {
                broken.add(name + ": no summary");
            }
        });
        assertThat(broken).isEmpty();
    }

    @Test
    void everyOperationDeclaresItsErrorsWithTheSharedErrorBody() {
        List<String> broken = new ArrayList<>();
        forEachOperation((name, op) -> {
            for (String required : List.of("400", "401", "500")) {
                if (!op.getResponses().containsKey(required)) {
                    broken.add(name + ": does not declare " + required);
                }
            }
            // Route privileges apply to every route of a space; status, metrics, the contract and its browsable
            // page need only authentication.
            boolean spaceScoped = !op.getTags().contains("Status") && !op.getTags().contains("Contract")
                    && !op.getTags().contains("Metrics") && !op.getTags().contains("Docs");
            if (spaceScoped && !op.getResponses().containsKey("403")) {
                broken.add(name + ": is subject to route privileges but does not declare 403");
            }
            if (op.getRequestBody() != null) {
                for (String required : List.of("413", "415")) {
                    if (!op.getResponses().containsKey(required)) {
                        broken.add(name + ": takes a body but does not declare " + required);
                    }
                }
            }
            String errorBody = op.getTags().stream().anyMatch(ELASTICSEARCH_TAGS::contains) ? ELASTICSEARCH_ERROR_BODY
                    : op.getTags().contains(LISTS_TAG) ? LISTS_ERROR_BODY : ERROR_BODY;
            for (Map.Entry<String, ApiResponse> response : op.getResponses().entrySet()) {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    MediaType json = response.getValue().getContent() == null ? null
                            : response.getValue().getContent().get("application/json");
                    String ref = json == null || json.getSchema() == null ? null : json.getSchema().get$ref();
                    // Kibana's status route answers 503 with its status body, saying which part is down.
                    boolean statusBody = "getStatus".equals(op.getOperationId()) && "503".equals(response.getKey());
                    if (!errorBody.equals(ref) && !statusBody) {
                        broken.add(name + " " + response.getKey() + ": error answer is not the shared " + errorBody);
                    }
                }
            }
        });
        assertThat(broken).isEmpty();
    }

    @Test
    void everySchemaWithPropertiesSetsAdditionalPropertiesExplicitly() {
        List<String> broken = new ArrayList<>();
        forEachSchema((where, schema) -> {
            if (schema.getProperties() != null && !schema.getProperties().isEmpty() && schema.getAdditionalProperties() == null) {
                broken.add(where);
            }
        });
        assertThat(broken).as("schemas with properties but no additionalProperties").isEmpty();
    }

    @Test
    void noDateTimeStringCarriesAPattern() {
        List<String> broken = new ArrayList<>();
        forEachSchema((where, schema) -> {
            if ("date-time".equals(schema.getFormat()) && schema.getPattern() != null) {
                broken.add(where + " (bean validation answers 500 for @Pattern on OffsetDateTime)");
            }
        });
        assertThat(broken).isEmpty();
    }

    private interface OperationVisitor {
        void visit(String name, Operation operation);
    }

    private interface SchemaVisitor {
        void visit(String where, Schema<?> schema);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                visitor.visit(op.getKey() + " " + path.getKey(), op.getValue());
            }
        }
    }

    /** Component schemas and everything inline under them, each once. */
    private static void forEachSchema(SchemaVisitor visitor) {
        Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
        for (Map.Entry<String, Schema> schema : spec.getComponents().getSchemas().entrySet()) {
            walk("#/components/schemas/" + schema.getKey(), schema.getValue(), visitor, seen);
        }
    }

    @SuppressWarnings("unchecked")
    private static void walk(String where, Schema<?> schema, SchemaVisitor visitor, Map<Schema<?>, Boolean> seen) {
        if (schema == null || seen.put(schema, true) != null) {
            return;
        }
        visitor.visit(where, schema);
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> walk(where + "." + name, property, visitor, seen));
        }
        if (schema.getItems() != null) {
            walk(where + "[]", schema.getItems(), visitor, seen);
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            walk(where + "{}", values, visitor, seen);
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(part -> walk(where + "&", (Schema<?>) part, visitor, seen));
        }
    }
}
