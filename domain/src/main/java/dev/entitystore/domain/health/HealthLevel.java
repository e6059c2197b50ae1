package dev.entitystore.domain.health;

import java.util.Locale;

/** Kibana's status levels, from best to worst; a service summarises as its worst component. */
public enum HealthLevel {
    AVAILABLE,
    DEGRADED,
    UNAVAILABLE,
    CRITICAL;

    /** Kibana answers its status 503 from {@code unavailable} on: the service cannot serve. */
    public boolean canServe() {
        return compareTo(UNAVAILABLE) < 0;
    }

    public HealthLevel worse(HealthLevel other) {
        return other.compareTo(this) > 0 ? other : this;
    }

    /** As Kibana spells it: {@code available}, {@code degraded}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
