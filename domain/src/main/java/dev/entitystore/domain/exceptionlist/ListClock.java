package dev.entitystore.domain.exceptionlist;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The time stamps of list writes: ISO-8601 UTC with milliseconds, as Kibana writes {@code created_at}. */
public final class ListClock {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private final Clock clock;

    public ListClock(Clock clock) {
        this.clock = clock;
    }

    String now() {
        return FORMAT.format(clock.instant());
    }
}
