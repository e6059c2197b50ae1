package dev.entitystore.domain.identity;

import java.util.List;
import java.util.Map;

/** Ranked compositions: the first whose fields are all present forms the id. */
record EuidRanking(List<EuidComposition> compositions) {

    static final EuidRanking HOST = new EuidRanking(List.of(
            EuidComposition.of("host.id"),
            EuidComposition.of("host.name"),
            EuidComposition.of("host.hostname")));

    static final EuidRanking SERVICE = new EuidRanking(List.of(EuidComposition.of("service.name")));

    static final EuidRanking GENERIC = new EuidRanking(List.of(EuidComposition.of("entity.id")));

    /** The user's branch for local (non-IdP) accounts: {@code entity.namespace} is then {@code local}. */
    static final EuidRanking USER_LOCAL = new EuidRanking(List.of(
            EuidComposition.of("user.name", "host.id", "entity.namespace")));

    /** The user's branch for every other namespace. */
    static final EuidRanking USER = new EuidRanking(List.of(
            EuidComposition.of("user.email", "entity.namespace"),
            EuidComposition.of("user.id", "entity.namespace"),
            EuidComposition.of("user.name", "user.domain", "entity.namespace"),
            EuidComposition.of("user.name", "entity.namespace")));

    /** The winning composition's field values in order, or {@code null} when no composition is complete. */
    Map<String, String> firstComplete(DocumentView view) {
        for (EuidComposition composition : compositions) {
            Map<String, String> values = composition.valuesIn(view);
            if (values != null) {
                return values;
            }
        }
        return null;
    }
}
