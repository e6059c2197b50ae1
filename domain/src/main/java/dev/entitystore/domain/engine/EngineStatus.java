package dev.entitystore.domain.engine;

import java.util.Locale;

/** An engine's state as Kibana names it. We run no extraction, so engines are only started or stopped. */
public enum EngineStatus {
    INSTALLING, STARTED, STOPPED, UPDATING, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EngineStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
