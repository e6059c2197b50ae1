package dev.entitystore.domain.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/**
 * Dates as an Elasticsearch {@code date} field reads them: ISO-8601 text (UTC unless it says otherwise),
 * and in range bounds also date math ({@code now-7d/d}, {@code 2024-01-01||+1M}). Shared by the search adapters, so
 * every backend reads dates the same way.
 */
public final class DateValues {
    private DateValues() {
    }

    /** Epoch millis of an ISO-8601 date or date-time, if the text is one. Cheap on text that is not. */
    public static OptionalLong parseIso(String text) {
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-' || !Character.isDigit(text.charAt(0))) {
            return OptionalLong.empty();
        }
        long fast = fastUtcMillis(text);
        if (fast != Long.MIN_VALUE) {
            return OptionalLong.of(fast);
        }
        try {
            if (text.length() == 10) {
                return OptionalLong.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            }
            char last = text.charAt(text.length() - 1);
            if (last == 'Z' || last == 'z') {
                return OptionalLong.of(Instant.parse(text.toUpperCase()).toEpochMilli());
            }
            if (hasOffset(text)) {
                return OptionalLong.of(OffsetDateTime.parse(text).toInstant().toEpochMilli());
            }
            return OptionalLong.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The form every write stamps ({@code 2024-06-15T10:00:00.000Z}) by arithmetic: java.time's parser
     * cost ~8% of indexing. {@code Long.MIN_VALUE} when the text has another form.
     */
    private static long fastUtcMillis(String text) {
        if (text.length() != 24 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = digits(text, 20, 3);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59 || millis < 0 || hour < 0 || minute < 0 || second < 0) {
            return Long.MIN_VALUE;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1_000L + millis;
    }

    /** The decimal number in {@code text[from, from+count)}, or -1 if a character is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean hasOffset(String text) {
        int t = text.indexOf('T');
        return t > 0 && (text.indexOf('+', t) > 0 || text.indexOf('-', t) > 0);
    }

    /**
     * A range bound as a date: ISO-8601, epoch millis, or date math. {@code roundUp} says which end of a
     * rounded unit to take ({@code lte} and {@code gt} take the end, as in Elasticsearch).
     */
    public static OptionalLong parseBound(String text, long nowMillis, boolean roundUp) {
        String anchor;
        String math;
        if (text.startsWith("now")) {
            anchor = null;
            math = text.substring(3);
        } else {
            int bars = text.indexOf("||");
            anchor = bars < 0 ? text : text.substring(0, bars);
            math = bars < 0 ? "" : text.substring(bars + 2);
        }
        long base;
        if (anchor == null) {
            base = nowMillis;
        } else {
            OptionalLong iso = parseIso(anchor);
            if (iso.isPresent()) {
                base = iso.getAsLong();
            } else if (anchor.matches("-?\\d{1,19}")) {
                base = Long.parseLong(anchor);
            } else {
                return OptionalLong.empty();
            }
        }
        return applyMath(base, math, roundUp);
    }

    private static OptionalLong applyMath(long base, String math, boolean roundUp) {
        ZonedDateTime time = Instant.ofEpochMilli(base).atZone(ZoneOffset.UTC);
        int i = 0;
        while (i < math.length()) {
            char op = math.charAt(i++);
            if (op == '/') {
                if (i >= math.length()) {
                    return OptionalLong.empty();
                }
                ChronoUnit unit = unit(math.charAt(i++));
                if (unit == null) {
                    return OptionalLong.empty();
                }
                time = round(time, unit, roundUp);
                continue;
            }
            if (op != '+' && op != '-') {
                return OptionalLong.empty();
            }
            int start = i;
            while (i < math.length() && Character.isDigit(math.charAt(i))) {
                i++;
            }
            long amount = start == i ? 1 : Long.parseLong(math.substring(start, i));
            if (i >= math.length()) {
                return OptionalLong.empty();
            }
            ChronoUnit unit = unit(math.charAt(i++));
            if (unit == null) {
                return OptionalLong.empty();
            }
            time = op == '+' ? time.plus(amount, unit) : time.minus(amount, unit);
        }
        return OptionalLong.of(time.toInstant().toEpochMilli());
    }

    private static ZonedDateTime round(ZonedDateTime time, ChronoUnit unit, boolean roundUp) {
        ZonedDateTime floor = switch (unit) {
            case YEARS -> time.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
            case MONTHS -> time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
            case WEEKS -> time.minusDays(time.getDayOfWeek().getValue() - 1L).truncatedTo(ChronoUnit.DAYS);
            default -> time.truncatedTo(unit);
        };
        return roundUp ? floor.plus(1, unit).minus(1, ChronoUnit.MILLIS) : floor;
    }

    private static ChronoUnit unit(char c) {
        return switch (c) {
            case 'y' -> ChronoUnit.YEARS;
            case 'M' -> ChronoUnit.MONTHS;
            case 'w' -> ChronoUnit.WEEKS;
            case 'd' -> ChronoUnit.DAYS;
            case 'h', 'H' -> ChronoUnit.HOURS;
            case 'm' -> ChronoUnit.MINUTES;
            case 's' -> ChronoUnit.SECONDS;
            default -> null;
        };
    }
}
