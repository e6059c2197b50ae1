package dev.entitystore.domain.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateValuesTest {
    @ParameterizedTest
    @ValueSource(strings = {"2024-06-15T10:00:00.000Z", "1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z",
            "1969-12-31T23:59:59.999Z", "2024-06-15T10:00:00Z", "2024-06-15T10:00:00.5Z"})
    void isoUtcAsJavaTimeReadsIt(String text) {
        assertThat(DateValues.parseIso(text)).hasValue(Instant.parse(text).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T10:00:00.000Z", "2024-13-01T00:00:00.000Z", "web-01", "2024-06-1", "2024-06-15T25:00:00.000Z"})
    void notDates(String text) {
        assertThat(DateValues.parseIso(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2024-06-15,1718409600000", "2024-06-15T12:00:00+02:00,1718445600000", "2024-06-15T10:00:00,1718445600000"})
    void otherIsoForms(String text, long millis) {
        assertThat(DateValues.parseIso(text)).hasValue(millis);
    }

    @ParameterizedTest
    @CsvSource({"now,false,2024-06-15T12:34:56.789Z", "now-1d/d,false,2024-06-14T00:00:00.000Z", "now-1d/d,true,2024-06-14T23:59:59.999Z",
            "now+1h,false,2024-06-15T13:34:56.789Z", "2024-01-31||+1M/M,false,2024-02-01T00:00:00.000Z", "1718409600000,false,2024-06-15T00:00:00.000Z"})
    void dateMath(String bound, boolean roundUp, String expected) {
        long now = OffsetDateTime.parse("2024-06-15T12:34:56.789Z").toInstant().toEpochMilli();
        assertThat(DateValues.parseBound(bound, now, roundUp)).hasValue(Instant.parse(expected).toEpochMilli());
    }
}
