package dev.entitystore.bench.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.records.EntityRecords;
import dev.entitystore.bench.records.HostRecords;
import dev.entitystore.bench.records.Population;
import java.util.Random;

/** The requests the scenarios send, built over a {@link Population} (no force: updatable fields only). */
public final class Operations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityStoreClient client;
    private final Population population;

    public Operations(EntityStoreClient client, Population population) {
        this.client = client;
        this.population = population;
    }

    public Population population() {
        return population;
    }

    public int populationSize() {
        return population.size();
    }

    public EntityStoreClient client() {
        return client;
    }

    /** A v2 update of a random entity's attributes, behaviours and relationships (~800 bytes). */
    public Operation singleUpdate(Random random) {
        return updateOf(random.nextInt(population.size()), random);
    }

    public Operation updateOf(int k, Random random) {
        EntityRecords records = population.recordsOf(k);
        return Operation.of("update", client.updateRequest(records.type().wireName(), records.update(k, random).toString(), false), 1);
    }

    /** A v2 bulk update of {@code items} random entities. */
    public Operation bulk(Random random, int items) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode entities = body.putArray("entities");
        for (int i = 0; i < items; i++) {
            int k = random.nextInt(population.size());
            EntityRecords records = population.recordsOf(k);
            entities.addObject().put("type", records.type().wireName()).set("doc", records.update(k, random));
        }
        return new Operation("bulk", client.bulkRequest(body.toString(), false), items,
                answer -> answer.status() == 200 && answer.body().endsWith("\"errors\":[]}"));
    }

    /** The same entity {@code items} times in one bulk (product rules §8: same-id bursts). */
    public Operation bulkOfOne(Random random, int k, int items) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode entities = body.putArray("entities");
        EntityRecords records = population.recordsOf(k);
        for (int i = 0; i < items; i++) {
            entities.addObject().put("type", records.type().wireName()).set("doc", records.update(k, random));
        }
        return new Operation("bulk-same-id", client.bulkRequest(body.toString(), false), items,
                answer -> answer.status() == 200 && answer.body().endsWith("\"errors\":[]}"));
    }

    public Operation get(Random random) {
        int k = random.nextInt(population.size());
        EntityRecords records = population.recordsOf(k);
        return Operation.of("get", client.getRequest(records.type().wireName(), records.euid(k)), 0);
    }

    /** Cursor mode, KQL term on {@code entity.id} of a random entity. */
    public Operation kqlEntityId(Random random) {
        int k = random.nextInt(population.size());
        String filter = "entity.id: \"" + population.recordsOf(k).euid(k) + "\"";
        return Operation.of("list kql entity.id", client.listRequest("filter=" + EntityStoreClient.encode(filter)), 0);
    }

    /** Cursor mode, KQL term on {@code host.name} (hosts are entities 0, t, 2t... of t types). */
    public Operation kqlHostName(Random random) {
        int hosts = Math.max(1, population.size() / population.types().size());
        String filter = "host.name: \"" + HostRecords.hostName(random.nextInt(hosts) * population.types().size()) + "\"";
        return Operation.of("list kql host.name", client.listRequest("filter=" + EntityStoreClient.encode(filter)), 0);
    }

    /** Page mode: 100 per page, sorted by {@code @timestamp}, total counted. */
    public Operation sortedPage() {
        return Operation.of("list page 100 by @timestamp", client.listRequest("page=1&per_page=100&sort_field=%40timestamp&sort_order=desc"), 0);
    }

    /** Cursor mode, the page of 100 after {@code cursor} (a {@code nextSearchAfter} as JSON). */
    public Operation searchAfter(String cursor) {
        return Operation.of("list searchAfter deep page", client.listRequest("size=100&searchAfter=" + EntityStoreClient.encode(cursor)), 0);
    }

    /** Walks {@code pages} cursor pages of 100 and returns the last {@code nextSearchAfter}. */
    public String cursorAfter(int pages) {
        String after = null;
        for (int p = 0; p < pages; p++) {
            EntityStoreClient.Answer answer = client.list("size=100" + (after == null ? "" : "&searchAfter=" + EntityStoreClient.encode(after)));
            if (answer.status() != 200) {
                throw new IllegalStateException("list answered " + answer.status() + ": " + answer.body());
            }
            try {
                after = JSON.readTree(answer.body()).path("nextSearchAfter").toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return after;
    }
}
