package dev.entitystore.domain.history;

import java.util.Locale;

/** What a change did to its record. */
public enum ChangeOp {
    CREATE, UPDATE, DELETE;

    /** The name on the wire and in storage: {@code create}, {@code update}, {@code delete}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChangeOp fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
