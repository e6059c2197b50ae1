package dev.entitystore.server.hostile;

import dev.entitystore.server.ContractOperations;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One hostile request per call, from a seeded {@link Random}: an operation of the contract (every route
 * of v2 and v1), its path parameters filled with valid or junk values, sometimes under a space, query
 * parameters declared or not with odd values, a valid seed body mutated by {@link BodyMutator}, and
 * headers that are right or wrong (content type, xsrf, version).
 */
final class FuzzCases {
    record Case(String operation, String mutation, String method, String pathAndQuery, byte[] body,
                Map<String, String> headers) {
        boolean writes() {
            return !method.equals("GET");
        }

        String describe() {
            return method + " " + RawClient.abbreviate(pathAndQuery) + " [" + operation + ", " + mutation + "] headers="
                    + headers + " body=" + (body == null ? "none" : RawClient.abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
    }

    private static final String[] TYPES = {"host", "user", "service", "generic", "universal", "planet", "HOST", "", "h%20st"};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/x-www-form-urlencoded", "application/xml",
        "application/json; charset=iso-8859-1", "multipart/form-data; boundary=x", "application/json;;", "*/*", "garbage"};
    private static final String[] VALUES = {"", "host", "user", "true", "false", "maybe", "-1", "0", "1", "10001",
        "99999999999", "2147483648", "abc", "entity.id", "@timestamp", "asc", "desc", "a:1", "(", "a:(1 or", "not",
        "host.name:*", "*:*", "a < 5", "a:{b:1}", "\"quoted", "{\"term\":{\"a\":1}}", "{\"bool\":", "{\"unknown\":{}}",
        "{\"query_string\":{\"query\":\"(a\"}}", "{\"range\":{\"@timestamp\":{\"gte\":\"now-1d/q\"}}}", "[1,2]", "[\"x\"]",
        "[", "[1e400,1]", "null", "{}", "\u202e\u0000", "\ud83d\ude00", "2023-10-31", "2099-01-01", "host,user,planet"};
    private static final Map<String, String> SEED_BODIES = Map.ofEntries(
            Map.entry("createEntity", "{\"host\":{\"name\":\"fz-1\",\"ip\":[\"10.0.0.1\"]},\"entity\":{\"attributes\":{\"managed\":true}}}"),
            Map.entry("updateEntity", "{\"entity\":{\"id\":\"host:fz-1\",\"attributes\":{\"watchlists\":[\"a\"]}}}"),
            Map.entry("bulkUpdateEntities", "{\"entities\":[{\"type\":\"host\",\"doc\":{\"entity.id\":\"host:fz-1\","
                    + "\"entity.attributes.managed\":false}},{\"type\":\"user\",\"doc\":{\"entity\":{\"id\":\"user:fz@x\"}}}]}"),
            Map.entry("deleteEntity", "{\"entityId\":\"host:fz-2\"}"),
            Map.entry("installEntityStore", "{\"entityTypes\":[\"host\",\"user\"],\"logExtraction\":{\"frequency\":\"1m\"}}"),
            Map.entry("installEntityStoreByType", "{\"logExtraction\":{\"lookbackPeriod\":\"3h\"}}"),
            Map.entry("startEntityStore", "{\"entityTypes\":[\"user\"]}"),
            Map.entry("stopEntityStore", "{\"entityTypes\":[\"service\"]}"),
            Map.entry("uninstallEntityStore", "{\"entityTypes\":[\"generic\"]}"),
            Map.entry("updateEntityStore", "{\"logExtraction\":{\"frequency\":\"5m\",\"delay\":\"1m\"}}"),
            Map.entry("updateEntityStoreByType", "{\"logExtraction\":{\"fieldHistoryLength\":5}}"),
            Map.entry("v1EnableEntityStore", "{\"entityTypes\":[\"host\"],\"fieldHistoryLength\":5}"),
            Map.entry("v1InitEngine", "{\"fieldHistoryLength\":5,\"lookbackPeriod\":\"24h\"}"),
            Map.entry("v1StartEngine", "{\"timestampField\":\"@timestamp\"}"),
            Map.entry("v1UpsertEntity", "{\"entity\":{\"id\":\"host:fz-3\",\"attributes\":{\"watchlists\":[\"w\"]}}}"),
            Map.entry("v1BulkUpsertEntities", "{\"entities\":[{\"type\":\"host\",\"record\":{\"entity\":{\"id\":\"host:fz-4\"}}}]}"),
            Map.entry("v1BulkUpsertEntitiesPost", "{\"entities\":[{\"type\":\"host\",\"record\":{\"entity\":{\"id\":\"host:fz-5\"}}}]}"),
            Map.entry("v1DeleteEntity", "{\"id\":\"host:fz-3\"}"),
            Map.entry("activateUserProfile", "{\"grant_type\":\"password\",\"username\":\"fz\",\"password\":\"x\"}"),
            Map.entry("updateUserProfileData", "{\"labels\":{\"app\":{\"k\":1}},\"data\":{\"app\":{\"x\":[1]}}}"),
            Map.entry("updateUserProfileDataPost", "{\"data\":{\"app\":{\"k\":null}}}"));

    private static final int MAX_QUERY = 40_000;

    private final Random random;
    private final BodyMutator mutator;
    private final List<ContractOperations.Declared> operations = new ArrayList<>(ContractOperations.ALL);

    FuzzCases(long seed) {
        this.random = new Random(seed);
        this.mutator = new BodyMutator(random);
        operations.sort(java.util.Comparator.comparing(ContractOperations.Declared::operationId)); // seed → same cases
    }

    Case next() {
        ContractOperations.Declared operation = operations.get(random.nextInt(operations.size()));
        String method = random.nextInt(12) == 0 ? pick("GET", "POST", "PUT", "DELETE", "PATCH") : operation.method();
        String path = fillPath(operation.template());
        if (random.nextInt(6) == 0) {
            path = pick("/s/fuzz", "/s/fuzz", "/s/" + junk(6).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "-"), "/s/Bad") + path;
        }
        if (random.nextInt(25) == 0) {
            path = path + pick("/", "/x", "//", "/..");
        }
        String query = query(operation);
        Map<String, String> headers = new LinkedHashMap<>();
        if (random.nextInt(20) != 0) {
            headers.put("kbn-xsrf", "fz");
        }
        if (random.nextInt(20) == 0) {
            headers.put("elastic-api-version", pick("2023-10-31", "2099-01-01", "foo", ""));
        }
        String mutation = "none";
        byte[] body = null;
        String seed = SEED_BODIES.get(operation.operationId());
        if (seed != null || operation.takesBody() || random.nextInt(10) == 0) {
            BodyMutator.Mutated mutated = mutator.mutate(seed != null ? seed : "{\"x\":1}");
            mutation = mutated.name();
            body = mutated.body();
            int contentType = random.nextInt(10);
            if (contentType < 7) {
                headers.put("Content-Type", "application/json");
            } else if (contentType < 9) {
                headers.put("Content-Type", pick(CONTENT_TYPES));
                mutation += "+content-type";
            } else {
                mutation += "+no-content-type";
            }
        }
        return new Case(operation.operationId(), mutation, method, path + query, body, headers);
    }

    private String fillPath(String template) {
        return template.replace("{entityType}", pick(TYPES))
                .replace("{entityId}", encode(pick("host:fz-1", "user:fz@x", "nothing", junk(12), "x".repeat(300))))
                .replace("{uid}", encode(pick("u_fz_0", "u_a_0,u_b_0", junk(12), "_activate")))
                .replace("{file}", encode(pick("swagger-ui.css", "index.html", "..%2Fopenapi.json", junk(12))))
                .replace("{jobId}", encode(pick("job-1", junk(12))))
                .replace("{id}", encode(pick("email_exact_match", "automated-resolution", junk(12), "x".repeat(150))))
                .replace("{user}", encode(pick("fuzz", "someone-else", junk(12))));
    }

    private String query(ContractOperations.Declared operation) {
        if (random.nextInt(3) == 0) {
            return "";
        }
        List<String> declared = declaredQuery(operation);
        StringBuilder query = new StringBuilder();
        int count = random.nextInt(20) == 0 ? 300 : 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String name = !declared.isEmpty() && random.nextInt(4) != 0 ? declared.get(random.nextInt(declared.size()))
                    : pick("apiVersion", "colour", junk(5), "force", "entity_types", "filter");
            String pair = encode(name) + "=" + (count > 10 ? encode(pick(VALUES)) : value());
            if (query.length() + pair.length() > MAX_QUERY) {
                break; // past Grizzly's 64 KiB header limit the container answers a bare 400 (tested apart)
            }
            query.append(query.length() == 0 ? "?" : "&").append(pair);
        }
        return query.toString();
    }

    private String value() {
        int kind = random.nextInt(30);
        if (kind == 0) {
            return encode("(".repeat(300) + "a:1" + ")".repeat(300));
        }
        if (kind == 1) {
            return encode("{\"bool\":{\"must\":".repeat(120) + "{}" + "}}".repeat(120));
        }
        if (kind == 2) {
            return "a".repeat(pick(8_000, 17_000));
        }
        if (kind == 3) {
            return pick("%C3%28", "%FF", "%ED%A0%80", "%00", "%E2%82");
        }
        if (kind == 4) {
            StringBuilder ors = new StringBuilder("a:(0");
            for (int i = 1; i < 1_100; i++) {
                ors.append(" or ").append(i);
            }
            return encode(ors.append(")").toString());
        }
        return encode(random.nextInt(5) == 0 ? junk(1 + random.nextInt(20)) : pick(VALUES));
    }

    private List<String> declaredQuery(ContractOperations.Declared declared) {
        PathItem item = ContractOperations.SPEC.getPaths().get(declared.template());
        Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(declared.method()));
        List<String> names = new ArrayList<>();
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if ("query".equals(parameter.getIn())) {
                    names.add(parameter.getName());
                }
            }
        }
        return names;
    }

    /** Letters, digits and punctuation a client might send; never the words the leak check looks for. */
    private String junk(int length) {
        String alphabet = "abcdefghiklmnopqrstuvwxyz0123456789-_.:@*?()[]{}<>!\"' \u00e9\u4e2d";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
