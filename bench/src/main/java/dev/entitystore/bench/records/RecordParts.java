package dev.entitystore.bench.records;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * The parts every type's record shares (under {@code entity}, {@code asset}, {@code tags}): attributes,
 * behaviours, relationships with multi-valued ids, lifecycle, as detection and inventory tools write them.
 */
final class RecordParts {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] RULES = {
        "Suspicious PowerShell Execution", "Unusual Login Location", "Credential Dumping via LSASS",
        "Rare Parent Process", "Outbound Connection to Known Bad IP", "Privilege Escalation via Sudo",
        "Lateral Movement via SMB", "Persistence via Scheduled Task"};
    private static final String[] JOBS = {"rare_process_by_host_linux", "high_count_network_denies",
        "auth_rare_user", "suspicious_login_activity"};
    private static final String[] CRITICALITY = {"low_impact", "medium_impact", "high_impact", "extreme_impact"};
    private static final String[] UNITS = {"Engineering", "Finance", "Sales", "Operations"};

    private RecordParts() {
    }

    /** {@code entity} with source, attributes, behaviours and lifecycle; callers add identity fields. */
    static ObjectNode entity(ObjectNode doc, Random random) {
        ObjectNode entity = doc.putObject("entity");
        entity.putArray("source").add("logs-endpoint.events.process-default").add("logs-system.auth-default");
        entity.set("attributes", attributes(random));
        entity.set("behaviors", behaviors(random));
        ObjectNode lifecycle = entity.putObject("lifecycle");
        lifecycle.put("first_seen", "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T08:00:00.000Z");
        lifecycle.put("last_activity", "2026-11-2" + random.nextInt(5) + "T1" + random.nextInt(10) + ":30:00.000Z");
        return entity;
    }

    static void asset(ObjectNode doc, int n, Random random) {
        ObjectNode asset = doc.putObject("asset");
        asset.put("criticality", CRITICALITY[random.nextInt(CRITICALITY.length)]);
        asset.put("environment", random.nextInt(5) == 0 ? "staging" : "production");
        asset.put("business_unit", UNITS[n % UNITS.length]);
        asset.put("owner", "team-" + (n % 97));
        doc.putArray("tags").add("inventory").add("region-" + (n % 7));
    }

    /** The no-force part of an update: new attributes, behaviours and relationships. */
    static void updatable(ObjectNode entity, Random random, int population) {
        entity.set("attributes", attributes(random));
        entity.set("behaviors", behaviors(random));
        ObjectNode relationships = entity.putObject("relationships");
        ArrayNode peers = relationships.putObject("communicates_with").putArray("ids");
        for (int k = 0; k < 6; k++) {
            peers.add("host:" + HostRecords.hostName(random.nextInt(population)));
        }
        ArrayNode owners = relationships.putObject("owns").putArray("ids");
        for (int k = 0; k < 3; k++) {
            owners.add(new UserRecords().euid(random.nextInt(population)));
        }
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
        behaviors.putArray("anomaly_job_ids").add(JOBS[random.nextInt(JOBS.length)]).add(JOBS[random.nextInt(JOBS.length)]);
        return behaviors;
    }
}
