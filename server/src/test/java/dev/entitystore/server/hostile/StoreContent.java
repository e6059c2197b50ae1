package dev.entitystore.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What the store holds, read as a client reads it (v2 list in page mode, every record, and v2 status),
 * per space (the fuzzed spaces hold far fewer than the 1,000 read; {@code total} counts the rest): two readings are equal exactly when nothing was written in between, since every write sets
 * the record's {@code @timestamp}.
 */
public final class StoreContent {
    private StoreContent() {}

    public static JsonNode read(RawClient client, List<String> spaces) {
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        for (String space : spaces) {
            String prefix = space.equals("default") ? "" : "/s/" + space;
            RawClient.Answer list = client.get(prefix + "/api/security/entity_store/entities"
                    + "?page=1&per_page=1000&sort_field=entity.id&sort_order=asc");
            RawClient.Answer status = client.get(prefix + "/api/security/entity_store/status");
            ObjectNode reading = all.putObject(space);
            reading.put("listStatus", list.status());
            reading.set("records", list.json().path("records"));
            reading.set("total", list.json().path("total"));
            reading.set("status", status.json());
        }
        return all;
    }
}
