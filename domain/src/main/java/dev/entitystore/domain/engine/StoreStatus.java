package dev.entitystore.domain.engine;

import java.util.Locale;

/** A space's Entity Store state as Kibana reports it. */
public enum StoreStatus {
    NOT_INSTALLED, INSTALLING, RUNNING, STOPPED, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
