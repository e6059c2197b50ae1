package dev.entitystore.bench.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * Realistic ~1 KB host records for load runs: identity, attributes, behaviours, relationships and
 * multi-valued fields, as detection and inventory tools write them. Deterministic for a given seed.
 */
public final class HostRecords {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] OS = {"linux", "windows", "macos"};
    private static final String[] RULES = {
        "Suspicious PowerShell Execution", "Unusual Login Location", "Credential Dumping via LSASS",
        "Rare Parent Process", "Outbound Connection to Known Bad IP", "Privilege Escalation via Sudo",
        "Lateral Movement via SMB", "Persistence via Scheduled Task"};

    private HostRecords() {}

    public static String hostName(int i) {
        return String.format("host-%08d.prod.example.com", i);
    }

    /** The body a client sends to create host {@code i}. */
    public static ObjectNode create(int i, Random random) {
        ObjectNode doc = JSON.objectNode();
        ObjectNode host = doc.putObject("host");
        host.put("name", hostName(i));
        host.putArray("hostname").add(hostName(i)).add("h" + i);
        ArrayNode ips = host.putArray("ip");
        ips.add("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        ips.add("fe80::" + Integer.toHexString(i));
        host.putArray("mac").add(String.format("02:00:%02x:%02x:%02x:%02x", i >> 24 & 255, i >> 16 & 255, i >> 8 & 255, i & 255));
        ObjectNode os = host.putObject("os");
        os.put("name", OS[i % OS.length]);
        os.put("version", (10 + random.nextInt(5)) + "." + random.nextInt(10));
        host.put("architecture", "x86_64");
        ObjectNode entity = doc.putObject("entity");
        entity.putArray("source").add("logs-endpoint.events.process-default").add("logs-system.auth-default");
        entity.set("attributes", attributes(random));
        entity.set("behaviors", behaviors(random));
        ObjectNode asset = doc.putObject("asset");
        asset.put("criticality", random.nextBoolean() ? "high_impact" : "medium_impact");
        asset.put("environment", "production");
        asset.put("business_unit", "Engineering");
        return doc;
    }

    /** A bulk item's document: an update of host {@code i}'s attributes, behaviours and relationships. */
    public static ObjectNode update(int i, Random random) {
        ObjectNode doc = JSON.objectNode();
        doc.putObject("host").put("name", hostName(i));
        ObjectNode entity = doc.putObject("entity");
        entity.set("attributes", attributes(random));
        entity.set("behaviors", behaviors(random));
        ObjectNode relationships = entity.putObject("relationships");
        ArrayNode ids = relationships.putObject("communicates_with").putArray("ids");
        for (int k = 0; k < 6; k++) {
            ids.add("host:" + hostName(random.nextInt(1_000_000)));
        }
        ArrayNode owners = relationships.putObject("owns").putArray("ids");
        for (int k = 0; k < 3; k++) {
            owners.add("user:user-" + random.nextInt(100_000) + "@okta");
        }
        return doc;
    }

    private static ObjectNode attributes(Random random) {
        ObjectNode attributes = JSON.objectNode();
        attributes.put("managed", random.nextBoolean());
        attributes.put("asset", true);
        attributes.put("mfa_enabled", random.nextBoolean());
        attributes.putArray("watchlists").add("crown-jewels").add("watchlist-" + random.nextInt(20));
        return attributes;
    }

    private static ObjectNode behaviors(Random random) {
        ObjectNode behaviors = JSON.objectNode();
        ArrayNode rules = behaviors.putArray("rule_names");
        for (int k = 0; k < 4; k++) {
            rules.add(RULES[random.nextInt(RULES.length)]);
        }
        behaviors.putArray("anomaly_job_ids").add("rare_process_by_host_linux").add("high_count_network_denies");
        return behaviors;
    }
}
