package dev.entitystore.domain.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which entity a create or an update addresses, with Kibana's texts.
 * Create and update word the missing-id case differently, and only update may fall back to the
 * supplied {@code entity.id} ("ID only" mode).
 */
public final class EntityIdentification {
    static final String CREATE_NO_EUID = "Bad request: Could not derive EUID from document";
    static final String UPDATE_NO_ID = "Bad request: Could not derive EUID from document or find it in entity.id";

    private final EuidDeriver deriver;

    public EntityIdentification(EuidDeriver deriver) {
        this.deriver = deriver;
    }

    public EntityIdentification() {
        this(new EuidDeriver());
    }

    /** The EUID a create writes: derived from the body and, when the body names one, equal to it. */
    public String forCreate(EntityType type, JsonNode doc) {
        String derived = deriver.derive(type, doc).orElseThrow(
                () -> new InvalidRequestException(CREATE_NO_EUID));
        suppliedId(doc).ifPresent(supplied -> requireMatch(type, doc, supplied, derived));
        return derived;
    }

    /**
     * The EUID an update targets: ID only → the supplied {@code entity.id}; identity only → the derived
     * EUID; both → they must match.
     */
    public String forUpdate(EntityType type, JsonNode doc) {
        Optional<String> derived = deriver.derive(type, doc);
        Optional<String> supplied = suppliedId(doc);
        if (derived.isEmpty() && supplied.isEmpty()) {
            throw new InvalidRequestException(UPDATE_NO_ID);
        }
        if (derived.isPresent() && supplied.isPresent()) {
            requireMatch(type, doc, supplied.get(), derived.get());
        }
        return derived.orElseGet(supplied::get);
    }

    /**
     * The record a line of an import names: its {@code entity.id} when it has one, else the EUID its
     * identity fields derive. A record v1 wrote is named by {@code entity.id} alone (product rules §2), and
     * may have no identity field or one that derives another EUID; an export of it must import as it is.
     */
    public String forImport(EntityType type, JsonNode doc) {
        return suppliedId(doc).or(() -> deriver.derive(type, doc))
                .orElseThrow(() -> new InvalidRequestException(UPDATE_NO_ID));
    }

    /** The body's {@code entity.id}, read with the same rules as identity fields; empty when blank. */
    public static Optional<String> suppliedId(JsonNode doc) {
        return Optional.ofNullable(FieldValueReader.read(doc, "entity.id"));
    }

    /**
     * Kibana's text, and beside it the EUID the server derived and the identity values it came from: a
     * user EUID ends in its namespace ({@code user:jane@unknown} through the API), which the text alone
     * does not explain.
     */
    private void requireMatch(EntityType type, JsonNode doc, String supplied, String derived) {
        if (!supplied.equals(derived)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("suppliedEntityId", supplied);
            details.put("derivedEntityId", derived);
            deriver.identifiers(type, doc).ifPresent(fields -> details.put("derivedFrom", fields));
            throw new InvalidRequestException(
                    "Bad request: Supplied ID " + supplied + " does not match generated EUID " + derived, null, details);
        }
    }
}
