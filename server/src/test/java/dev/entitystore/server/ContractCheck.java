package dev.entitystore.server;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.entitystore.api.ContractApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every exchange of the HTTP suites, checked against the contract in {@code openapi/} (the bundled
 * document the server also serves): each response must be one the spec describes for its operation and
 * status, and each request the server accepted (2xx) must be one the spec allows. Requests the server
 * refused are the suites' bad input on purpose, and are not held to the spec.
 */
final class ContractCheck {
    private static final Pattern SPACE_PREFIX = Pattern.compile("^/s/[a-z0-9_\\-]+(/.*)$");
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(bundledContract())
            .build();
    /** "operationId status" seen by the suites: how much of the contract they exercise. */
    private static final Set<String> EXERCISED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ContractCheck::writeCoverage));
    }

    private ContractCheck() {}

    static void check(String method, URI uri, Map<String, String> headers, String requestBody,
                      int status, Map<String, List<String>> responseHeaders, String responseBody) {
        String path = withoutSpace(uri.getRawPath());
        String contentType = responseHeaders.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(responseBody);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        Request.Method verb = Request.Method.valueOf(method);
        ValidationReport report = VALIDATOR.validateResponse(path, verb, response.build());
        if (responseBody.isEmpty() && isLineStream(contentType)) {
            report = withoutBodyMissing(report); // a streamed export of nothing is an empty body, not a missing one
        }
        if (isUnknownRoute(report, status, responseBody)) {
            return;
        }
        failOn(report, "response " + status + " to " + method + " " + uri);
        EXERCISED.add(ContractOperations.operationOf(method, path) + " " + status);
        if (status >= 200 && status < 300) {
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
            headers.forEach(request::withHeader);
            if (requestBody != null) {
                request.withBody(requestBody);
            }
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    request.withQueryParam(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
                }
            }
            failOn(VALIDATOR.validateRequest(request.build()), "accepted request " + method + " " + uri);
        }
    }

    private static boolean isLineStream(String contentType) {
        return contentType != null && (contentType.startsWith("application/x-ndjson") || contentType.startsWith("text/csv"));
    }

    private static ValidationReport withoutBodyMissing(ValidationReport report) {
        return ValidationReport.from(report.getMessages().stream()
                .filter(m -> !m.getKey().equals("validation.response.body.missing")).toList());
    }

    /**
     * The suites also call routes that do not exist, on purpose: Kibana's 404, or Elasticsearch's 400 (no
     * handler) and 405 (another method) on its routes.
     */
    private static boolean isUnknownRoute(ValidationReport report, int status, String body) {
        boolean noRoute = status == 404 && body.contains("\"message\":\"Not Found\"")
                || status == 400 && body.startsWith("{\"error\":\"no handler found for uri [")
                || status == 405 && body.startsWith("{\"error\":\"Incorrect HTTP method for uri [");
        return noRoute && report.getMessages().stream().anyMatch(m -> m.getKey().contains("path.missing")
                        || m.getKey().contains("operation.notAllowed"));
    }

    private static void failOn(ValidationReport report, String what) {
        if (report.hasErrors()) {
            String messages = report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n  "));
            throw new AssertionError("The contract (openapi/) does not describe the " + what + ":\n  " + messages);
        }
    }

    /** Elasticsearch's routes have no spaces: under a prefix they are no route at all. */
    private static String withoutSpace(String path) {
        Matcher matcher = SPACE_PREFIX.matcher(path);
        return matcher.matches() && !matcher.group(1).startsWith("/_security/") ? matcher.group(1) : path;
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    static String bundledContract() {
        try (InputStream in = ContractApi.class.getResourceAsStream("/dev/entitystore/api/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCoverage() {
        try {
            Path file = Path.of("target", "contract-exercised.txt");
            Set<String> sorted = new TreeSet<>(EXERCISED);
            Files.writeString(file, String.join("\n", sorted) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException ignored) {
            // a report, not a test
        }
    }
}
