package dev.entitystore.domain.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kibana's short durations: a whole number and a unit, {@code 30s}, {@code 5m}, {@code 12h}, {@code 1d}. */
public final class DurationSetting {
    private static final Pattern FORMAT = Pattern.compile("^(\\d{1,9})([smhd])$");

    private DurationSetting() {}

    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }
}
