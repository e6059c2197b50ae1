package dev.entitystore.domain.write;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The server's {@code @timestamp}: ISO-8601 in UTC with exactly three fractional digits
 * ({@code 2026-01-15T10:00:00.000Z}), as JavaScript's {@code toISOString()} writes it (product rules §3.9).
 */
public final class ServerTimestamp {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ServerTimestamp() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    public static String now(Clock clock) {
        return format(clock.instant());
    }
}
