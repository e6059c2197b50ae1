package dev.entitystore.bench.records;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import java.util.Random;

/** Hosts identified by {@code host.name} ({@code host:<name>}), with addresses, OS and risk. */
public final class HostRecords implements EntityRecords {
    private static final String[] OS = {"linux", "windows", "macos"};
    private static final int POPULATION = 1_000_000;

    public static String hostName(int n) {
        return String.format("host-%08d.prod.example.com", n);
    }

    @Override
    public EntityType type() {
        return EntityType.HOST;
    }

    @Override
    public String euid(int n) {
        return "host:" + hostName(n);
    }

    @Override
    public ObjectNode create(int n, Random random) {
        ObjectNode doc = RecordParts.JSON.objectNode();
        ObjectNode host = doc.putObject("host");
        host.put("name", hostName(n));
        host.putArray("hostname").add(hostName(n)).add("h" + n);
        ArrayNode ips = host.putArray("ip");
        ips.add("10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255));
        ips.add("fe80::" + Integer.toHexString(n));
        host.putArray("mac").add(String.format("02:00:%02x:%02x:%02x:%02x", n >> 24 & 255, n >> 16 & 255, n >> 8 & 255, n & 255));
        ObjectNode os = host.putObject("os");
        os.put("name", OS[n % OS.length]);
        os.put("version", (10 + random.nextInt(5)) + "." + random.nextInt(10));
        host.putArray("architecture").add("x86_64");
        RecordParts.entity(doc, random);
        RecordParts.asset(doc, n, random);
        return doc;
    }

    @Override
    public ObjectNode update(int n, Random random) {
        ObjectNode doc = RecordParts.JSON.objectNode();
        doc.putObject("host").put("name", hostName(n));
        RecordParts.updatable(doc.putObject("entity"), random, POPULATION);
        return doc;
    }
}
