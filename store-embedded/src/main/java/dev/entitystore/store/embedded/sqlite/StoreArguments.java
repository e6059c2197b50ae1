package dev.entitystore.store.embedded.sqlite;

/** The store port's argument checks: a caller's mistake fails at once, before anything is queued or read. */
final class StoreArguments {
    private StoreArguments() {
    }

    /** {@code value}, if it is a non-empty string (a space, an id, a setting's key). */
    static String name(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must be a non-empty string");
        }
        return value;
    }

    static void positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
