package dev.entitystore.domain.criticality;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.entity.FieldPath;
import dev.entitystore.domain.identity.EuidDeriver;
import java.util.Optional;

/**
 * The identity fields the Asset Criticality API addresses an entity by, and how each maps onto the entity
 * routes' identity rules: a {@code <type>.name} is that type's identity document, an {@code entity.id} is
 * the EUID itself (its type read from its prefix, else generic).
 */
public enum IdField {
    HOST_NAME("host.name", EntityType.HOST),
    USER_NAME("user.name", EntityType.USER),
    SERVICE_NAME("service.name", EntityType.SERVICE),
    ENTITY_ID("entity.id", null);

    private static final EuidDeriver DERIVER = new EuidDeriver();

    private final String wireName;
    private final EntityType type;

    IdField(String wireName, EntityType type) {
        this.wireName = wireName;
        this.type = type;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<IdField> fromWireName(String name) {
        for (IdField field : values()) {
            if (field.wireName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** The type of the entity {@code value} names: fixed for a name field, the EUID's prefix for entity.id. */
    public EntityType typeOf(String value) {
        if (type != null) {
            return type;
        }
        int colon = value.indexOf(':');
        if (colon > 0) {
            Optional<EntityType> prefixed = EntityType.fromWireName(value.substring(0, colon));
            if (prefixed.isPresent() && prefixed.get() != EntityType.GENERIC) {
                return prefixed.get();
            }
        }
        return EntityType.GENERIC;
    }

    /**
     * The identity document of the entity, e.g. {@code {"host":{"name":"web-01"}}}. A user name alone is
     * refused by the user identity gate of the CRUD routes (it wants an {@code entity.id} or event fields),
     * while this API always took one: the document also carries the EUID the ranking gives that name
     * ({@code user:<name>@unknown}), which passes the gate and matches the derivation.
     */
    public ObjectNode identity(String value) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        FieldPath.set(doc, wireName, JsonNodeFactory.instance.textNode(value));
        if (this == USER_NAME) {
            ObjectNode probe = doc.deepCopy();
            FieldPath.set(probe, "entity.id", JsonNodeFactory.instance.textNode(value));
            DERIVER.derive(EntityType.USER, probe).ifPresent(
                    euid -> FieldPath.set(doc, "entity.id", JsonNodeFactory.instance.textNode(euid)));
        }
        return doc;
    }

    /** The record's identity object key: {@code host}, {@code user}, {@code service} or {@code entity}. */
    String objectKey() {
        return wireName.substring(0, wireName.indexOf('.'));
    }

    /** The key inside that object: {@code name}, or {@code id} for {@code entity.id}. */
    String valueKey() {
        return wireName.substring(wireName.indexOf('.') + 1);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
