package dev.entitystore.domain.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.domain.entity.EntityType;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * Derives an entity's EUID from a document, nested or flat-dotted, or an Elasticsearch hit
 * ({@code {"_source": {...}}}).
 * <ul>
 *   <li>generic: {@code entity.id} as is, no type prefix;</li>
 *   <li>service: {@code service:<service.name>};</li>
 *   <li>host: {@code host:} + the first of {@code host.id}, {@code host.name}, {@code host.hostname};</li>
 *   <li>user: the calculated identity — namespace evaluation, the local path, the gates, the ranking.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class EuidDeriver {

    /** The EUID and the identity values it was built from. */
    private record Resolution(String euid, Map<String, String> identifiers) {
    }

    /** The EUID, or empty when the document does not identify an entity of this type. */
    public Optional<String> derive(EntityType type, JsonNode doc) {
        Resolution resolution = resolve(type, doc);
        return resolution == null ? Optional.empty() : Optional.of(resolution.euid());
    }

    /**
     * The identity fields and values that formed the EUID, in composition order (for a user, evaluated
     * {@code entity.namespace} included); empty when there is no EUID.
     */
    public Optional<Map<String, String>> identifiers(EntityType type, JsonNode doc) {
        Resolution resolution = resolve(type, doc);
        return resolution == null ? Optional.empty() : Optional.of(resolution.identifiers());
    }

    private Resolution resolve(EntityType type, JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            return null;
        }
        JsonNode source = doc.get("_source");
        DocumentView view = new DocumentView(source != null && source.isObject() ? source : doc);
        switch (type) {
            case GENERIC:
                return composed("", EuidRanking.GENERIC.firstComplete(view));
            case SERVICE:
                return composed("service:", EuidRanking.SERVICE.firstComplete(view));
            case HOST:
                return composed("host:", EuidRanking.HOST.firstComplete(view));
            case USER:
                return resolveUser(view);
            default:
                throw new IllegalArgumentException("unknown entity type " + type);
        }
    }

    private static Resolution resolveUser(DocumentView view) {
        view.put(UserNamespaceEvaluator.FIELD, UserNamespaceEvaluator.evaluate(view));
        if (UserIdentityGate.isLocal(view)) {
            view.put(UserNamespaceEvaluator.FIELD, UserIdentityGate.LOCAL);
        }
        if (!UserIdentityGate.admits(view)) {
            return null;
        }
        boolean local = UserIdentityGate.LOCAL.equals(view.value(UserNamespaceEvaluator.FIELD));
        EuidRanking ranking = local ? EuidRanking.USER_LOCAL : EuidRanking.USER;
        return composed("user:", ranking.firstComplete(view));
    }

    private static Resolution composed(String prefix, Map<String, String> values) {
        if (values == null) {
            return null;
        }
        String raw = String.join(EuidComposition.SEPARATOR, values.values());
        return new Resolution(prefix + raw, Collections.unmodifiableMap(values));
    }
}
