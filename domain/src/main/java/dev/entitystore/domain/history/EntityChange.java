package dev.entitystore.domain.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.write.ServerTimestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One change of one record, as the store recorded it atomically with the write.
 *
 * @param seq        store order: the embedded store's change sequence number, OpenSearch's {@code _seq_no}
 *                   of the changes index; increasing in write order, unique
 * @param version    the record's version after the change (1 on create, +1 per write; a delete has the
 *                   version after the last write + 1)
 * @param timeMillis when the change was written (epoch milliseconds)
 * @param op         create, update or delete
 * @param context    the actor and the route
 * @param space      the space
 * @param id         the record's {@code _id}
 * @param entityType the record's {@code entity.EngineMetadata.Type}, or null when it has none
 * @param euid       the record's {@code entity.id}, or null when it has none
 * @param fields     per changed flattened path, {@code before} and {@code after} ({@link FieldChanges})
 */
public record EntityChange(long seq, long version, long timeMillis, ChangeOp op, WriteContext context, String space,
                           String id, String entityType, String euid, ObjectNode fields) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Where a store may keep a create's fields as the record created, instead of {@code fields}: every
     * path of it with its value as {@code after}. The embedded store does, sparing its writer thread a
     * flattening and a second serialisation of every record created.
     */
    public static final String CREATED = "created";

    public EntityChange {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fields, "fields");
    }

    /**
     * A change about to be written, before its store order is known ({@code seq} 0).
     *
     * @param record the record the change leaves (or, for a delete, the one it removed): its identity
     *               fields name the entity
     */
    public static EntityChange draft(ChangeOp op, String space, String id, long version, long timeMillis,
                                     WriteContext context, ObjectNode record, ObjectNode fields) {
        return draft(op, space, id, version, timeMillis, context, typeOf(record), euidOf(record), fields);
    }

    /** As the draft above, with the record's identity fields read already (the record itself may be gone). */
    public static EntityChange draft(ChangeOp op, String space, String id, long version, long timeMillis,
                                     WriteContext context, String entityType, String euid, ObjectNode fields) {
        return new EntityChange(0, version, timeMillis, op, context, space, id, entityType, euid, fields);
    }

    /** The {@code entityType} of a change of {@code record}: its {@code entity.EngineMetadata.Type}, or null. */
    public static String typeOf(ObjectNode record) {
        return text(record.path("entity").path("EngineMetadata").path("Type"));
    }

    /** The {@code euid} of a change of {@code record}: its {@code entity.id}, or null. */
    public static String euidOf(ObjectNode record) {
        return text(record.path("entity").path("id"));
    }

    /** The same change at its place in store order. */
    public EntityChange at(long seq) {
        return new EntityChange(seq, version, timeMillis, op, context, space, id, entityType, euid, fields);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }

    /** The change as the API answers it and as the stores keep it. */
    public ObjectNode toJson() {
        ObjectNode json = NODES.objectNode();
        json.put("seq", seq);
        json.put("version", version);
        json.put("@timestamp", ServerTimestamp.format(Instant.ofEpochMilli(timeMillis)));
        json.put("op", op.wireName());
        ObjectNode actor = json.putObject("actor");
        actor.put("type", context.actorType());
        if (context.actorId() != null) {
            actor.put("id", context.actorId());
        }
        json.put("route", context.route());
        json.put("space", space);
        json.put("entityType", entityType);
        json.put("entityId", euid);
        json.put("_id", id);
        json.set("fields", fields);
        return json;
    }

    /** Reads what {@link #toJson} wrote; {@code seq} from where the store keeps it. */
    public static EntityChange fromJson(ObjectNode json, long seq) {
        JsonNode actor = json.path("actor");
        WriteContext context = new WriteContext(actor.path("type").asText(),
                actor.hasNonNull("id") ? actor.get("id").asText() : null, json.path("route").asText());
        JsonNode fields = json.get("fields");
        if (json.get(CREATED) instanceof ObjectNode created) {
            fields = FieldChanges.between(Map.of(), FieldChanges.leaves(created));
        }
        return new EntityChange(seq, json.path("version").asLong(), Instant.parse(json.path("@timestamp").asText()).toEpochMilli(),
                ChangeOp.fromWire(json.path("op").asText()), context, json.path("space").asText(), json.path("_id").asText(),
                text(json.path("entityType")), text(json.path("entityId")),
                fields instanceof ObjectNode object ? object : NODES.objectNode());
    }
}
