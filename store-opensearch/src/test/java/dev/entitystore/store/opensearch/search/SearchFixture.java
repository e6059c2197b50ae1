package dev.entitystore.store.opensearch.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A few hundred entities that exercise what the two search backends must agree on: multi-valued and
 * missing fields, whole and decimal numbers, ISO dates in several forms (and a non-date among them),
 * booleans, mixed case and non-ASCII text, and many equal timestamps so the tie-breaker decides.
 * Deterministic: the same seed gives the same entities in the same order.
 */
final class SearchFixture {
    static final int SIZE = 330;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TYPES = {"host", "user", "service", "generic"};
    private static final String[] HOSTS = {"web-01", "Web-02", "web-07", "db-3", "DB-4", "cache", "web-11", "web-12"};
    private static final String[] TAGS = {"Zürich", "zürich", "ZÜRICH", "École", "prod", "PROD", "a.b", "x*y", "ünï"};
    private static final String[] DATE_FORMS = {
        "2024-01-%02dT00:00:00Z", "2024-01-%02d", "2024-01-%02dT10:00:00.123+02:00", "2024-01-%02dT08:30:00.000Z",
        "2024-01-%02dT23:59", "unknown-%d"};

    private SearchFixture() {
    }

    static List<TestIndices.Doc> entities() {
        Random random = new Random(20261124L);
        List<TestIndices.Doc> docs = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            String type = TYPES[i % TYPES.length];
            ObjectNode doc = JSON.createObjectNode();
            if (i % 23 != 5) {
                // 40 distinct instants among 330 entities: most timestamps are shared.
                doc.put("@timestamp", String.format("2024-06-%02dT10:%02d:00.000Z", 1 + random.nextInt(4), random.nextInt(10)));
            }
            ObjectNode entity = doc.putObject("entity");
            entity.put("id", type + ":e-" + i);
            entity.put("name", (i % 5 == 0 ? "Name-" : "name-") + random.nextInt(60));
            entity.putObject("EngineMetadata").put("Type", type);
            ObjectNode attributes = entity.putObject("attributes");
            if (i % 3 != 2) {
                attributes.put("managed", random.nextBoolean());
            }
            ArrayNode watchlists = attributes.putArray("watchlists");
            for (int w = random.nextInt(3); w > 0; w--) {
                watchlists.add("list-" + random.nextInt(5));
            }
            if (i == 0 || random.nextInt(4) != 0) {
                String form = i == 0 ? DATE_FORMS[0] : DATE_FORMS[random.nextInt(DATE_FORMS.length)];
                entity.putObject("lifecycle").put("first_seen", String.format(form, 1 + random.nextInt(28)));
            }
            if (i % 7 != 3) {
                ObjectNode host = doc.putObject("host");
                int names = 1 + random.nextInt(3);
                if (names == 1 && i % 2 == 0) {
                    host.put("name", HOSTS[random.nextInt(HOSTS.length)]);
                } else {
                    ArrayNode array = host.putArray("name");
                    for (int n = 0; n < names; n++) {
                        array.add(HOSTS[random.nextInt(HOSTS.length)]);
                    }
                }
                if (i % 4 != 1) {
                    host.putObject("cpu").put("count", 1 + random.nextInt(8));
                }
            }
            if (i == 0 || random.nextInt(5) != 0) {
                // Quarters are exact in a float, so both backends hold the very same numbers.
                doc.putObject("risk").put("score", i == 0 ? 72.5 : random.nextInt(400) / 4.0);
            }
            if (random.nextInt(3) == 0) {
                ArrayNode tags = doc.putArray("tags");
                tags.add(TAGS[random.nextInt(TAGS.length)]);
                if (random.nextBoolean()) {
                    tags.add(TAGS[random.nextInt(TAGS.length)]);
                }
            }
            if (type.equals("user")) {
                doc.putObject("user").put("email", "u" + i + (i % 8 == 0 ? "@Corp.example" : "@corp.example"));
            }
            docs.add(new TestIndices.Doc(String.format("id-%04d", i), doc));
        }
        return docs;
    }

    /** A few entities of another space, some with the same ids and values as the first space's. */
    static List<TestIndices.Doc> otherSpace() {
        List<TestIndices.Doc> docs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ObjectNode doc = JSON.createObjectNode();
            doc.put("@timestamp", "2024-06-02T10:00:00.000Z");
            doc.putObject("entity").put("id", "host:e-" + i).putObject("EngineMetadata").put("Type", "host");
            doc.putObject("host").put("name", "web-07");
            docs.add(new TestIndices.Doc(String.format("id-%04d", i), doc));
        }
        return docs;
    }
}
