package dev.entitystore.bench.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import java.util.Random;

/**
 * Users identified by e-mail ({@code user:<email>@unknown}), with names, ids, roles and domain. A body
 * written through the API carries no event fields, so the namespace evaluates to {@code unknown}, and a
 * user needs its {@code entity.id} in the body to pass Kibana's identity gate.
 */
public final class UserRecords implements EntityRecords {
    private static final String[] ROLES = {"admin", "developer", "analyst", "support", "finance"};
    private static final int POPULATION = 1_000_000;

    public static String email(int n) {
        return String.format("user-%07d@example.com", n);
    }

    @Override
    public EntityType type() {
        return EntityType.USER;
    }

    @Override
    public String euid(int n) {
        return "user:" + email(n) + "@unknown";
    }

    @Override
    public ObjectNode create(int n, Random random) {
        ObjectNode doc = identity(n);
        ObjectNode user = (ObjectNode) doc.get("user");
        user.put("name", String.format("user%07d", n));
        user.putArray("full_name").add("User Number " + n);
        user.putArray("domain").add("corp.example.com");
        user.putArray("roles").add(ROLES[n % ROLES.length]).add(ROLES[random.nextInt(ROLES.length)]);
        user.putArray("id").add(String.format("00u%013d", n));
        RecordParts.entity(doc, random).put("id", euid(n));
        RecordParts.asset(doc, n, random);
        return doc;
    }

    @Override
    public ObjectNode update(int n, Random random) {
        ObjectNode doc = identity(n);
        ObjectNode entity = doc.putObject("entity");
        entity.put("id", euid(n));
        RecordParts.updatable(entity, random, POPULATION);
        return doc;
    }

    private static ObjectNode identity(int n) {
        // user.email first: the EUID ranking takes the e-mail before the id and the name
        ObjectNode doc = RecordParts.JSON.objectNode();
        doc.putObject("user").putArray("email").add(email(n));
        return doc;
    }
}
