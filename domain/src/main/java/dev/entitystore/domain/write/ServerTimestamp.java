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
    private static final DateTimeFormatter TO_SECOND =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The last second formatted: writes come many to a second, and the formatter was 12% of the writer's time. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private ServerTimestamp() {
    }

    public static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            second = new Second(epochSecond, TO_SECOND.format(instant));
            last = second;
        }
        int millis = instant.getNano() / 1_000_000;
        return new StringBuilder(second.text().length() + 5).append(second.text()).append('.')
                .append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10)).append('Z').toString();
    }

    public static String now(Clock clock) {
        return format(clock.instant());
    }
}
