package dev.entitystore.store.opensearch;

import java.util.Locale;

/**
 * The names of the indices a store uses: one for each space's entities (Kibana keeps one latest index
 * per space too) and one for every space's settings (install state, engines).
 */
public final class IndexNames {
    private final String prefix;

    public IndexNames(String prefix) {
        this.prefix = prefix.toLowerCase(Locale.ROOT);
    }

    /** The entity index of a space. Space ids are lower-case words, as Kibana's are. */
    public String entities(String space) {
        return prefix + "entities-" + space.toLowerCase(Locale.ROOT);
    }

    /** The one index of per-space settings, a document per (space, key). */
    public String settings() {
        return prefix + "settings";
    }

    /** The one index of user profiles (Elasticsearch's {@code .security-profile}). */
    public String profiles() {
        return prefix + "profiles";
    }

    /** The one index of every space's change records (history). */
    public String changes() {
        return prefix + "changes";
    }

    /** The one index of exception lists and their items (Kibana's space-agnostic exception-list saved objects). */
    public String exceptionLists() {
        return prefix + "exception-lists";
    }

    /** The one index of every space's and caller's {@code Idempotency-Key}s and their first answers. */
    public String idempotencyKeys() {
        return prefix + "idempotency-keys";
    }

    /** The pattern matching every entity index of this store, for listing spaces. */
    public String allEntities() {
        return prefix + "entities-*";
    }
}
