package dev.entitystore.server;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The operations the contract declares: method, path template and operationId. */
public final class ContractOperations {
    public record Declared(String method, String template, String operationId, Pattern pattern, boolean takesBody) {}

    public static final OpenAPI SPEC = new OpenAPIV3Parser().readContents(ContractCheck.bundledContract()).getOpenAPI();
    public static final List<Declared> ALL = declared();

    private ContractOperations() {}

    /** The operationId serving this concrete request, or "METHOD path" when none does. */
    static String operationOf(String method, String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        // Literal segments win over templates, as in JAX-RS (/entities/bulk before /entities/{entityType}).
        Declared best = null;
        for (Declared declared : ALL) {
            if (declared.method.equals(method) && declared.pattern.matcher(trimmed).matches()
                    && (best == null || literalLength(declared.template) > literalLength(best.template))) {
                best = declared;
            }
        }
        return best == null ? method + " " + path : best.operationId;
    }

    /** {@code /a/{b}/c} matches {@code /a/<one segment>/c}. */
    private static Pattern templatePattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("\\{[^}]+}", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static int literalLength(String template) {
        return template.replaceAll("\\{[^}]+}", "").length();
    }

    private static List<Declared> declared() {
        List<Declared> all = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : SPEC.getPaths().entrySet()) {
            String template = path.getKey();
            Pattern pattern = templatePattern(template);
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                all.add(new Declared(operation.getKey().name().toUpperCase(Locale.ROOT), template,
                        operation.getValue().getOperationId(), pattern, operation.getValue().getRequestBody() != null));
            }
        }
        return all;
    }
}
