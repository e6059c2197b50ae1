package dev.entitystore.domain.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ServerTimestampTest {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesThreeFractionalDigitsInUtc() {
        assertEquals("2026-01-15T10:00:00.000Z", ServerTimestamp.format(Instant.parse("2026-01-15T10:00:00Z")));
        assertEquals("2026-01-15T10:00:00.007Z", ServerTimestamp.format(Instant.parse("2026-01-15T10:00:00.007999Z")));
        assertEquals("1969-12-31T23:59:59.999Z", ServerTimestamp.format(Instant.ofEpochMilli(-1)));
    }

    @Test
    void agreesWithTheFormatterWithinAndAcrossSeconds() {
        SplittableRandom random = new SplittableRandom(7);
        long millis = Instant.parse("2026-12-07T04:00:00Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            // mostly forward within a second, sometimes a jump anywhere (the cache must follow both)
            millis = i % 97 == 0 ? random.nextLong(-10_000_000_000_000L, 200_000_000_000_000L) : millis + random.nextInt(0, 40);
            Instant instant = Instant.ofEpochMilli(millis).plusNanos(random.nextInt(0, 1_000_000));
            assertEquals(ISO_MILLIS.format(instant), ServerTimestamp.format(instant), instant::toString);
        }
    }
}
