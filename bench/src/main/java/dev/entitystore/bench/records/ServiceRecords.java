package dev.entitystore.bench.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import java.util.Random;

/** Services identified by {@code service.name} ({@code service:<name>}), with nodes and versions. */
public final class ServiceRecords implements EntityRecords {
    private static final String[] KINDS = {"web", "db", "cache", "queue", "auth"};
    private static final int POPULATION = 1_000_000;

    public static String serviceName(int n) {
        return String.format("svc-%s-%07d", KINDS[n % KINDS.length], n);
    }

    @Override
    public EntityType type() {
        return EntityType.SERVICE;
    }

    @Override
    public String euid(int n) {
        return "service:" + serviceName(n);
    }

    @Override
    public ObjectNode create(int n, Random random) {
        ObjectNode doc = RecordParts.JSON.objectNode();
        ObjectNode service = doc.putObject("service");
        service.put("name", serviceName(n));
        service.put("id", "svc-" + Integer.toHexString(n * 31 + 7));
        service.put("type", KINDS[n % KINDS.length]);
        service.put("version", "1." + random.nextInt(20) + "." + random.nextInt(10));
        service.put("environment", random.nextInt(5) == 0 ? "staging" : "production");
        service.put("address", "10.1." + (n >> 8 & 255) + "." + (n & 255) + ":8080");
        ObjectNode node = service.putObject("node");
        node.put("name", "node-" + (n % 300));
        node.putArray("roles").add("ingest").add("serve");
        RecordParts.entity(doc, random);
        RecordParts.asset(doc, n, random);
        return doc;
    }

    @Override
    public ObjectNode update(int n, Random random) {
        ObjectNode doc = RecordParts.JSON.objectNode();
        doc.putObject("service").put("name", serviceName(n));
        RecordParts.updatable(doc.putObject("entity"), random, POPULATION);
        return doc;
    }
}
