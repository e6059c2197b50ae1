package dev.entitystore.domain.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kibana's rules for log-extraction and history-snapshot settings (install, install by type, update
 * config, update by type), with its exact texts. We run no extraction, but clients rely on these
 * answers, and the values are stored and reported back.
 */
public final class LogExtractionValidator {
    static final String FREQUENCY = "must be a valid duration of at least 30 seconds (e.g. 1m, 30s)";
    /** The newest Kibana's text and bounds (older builds: at least 1 hour, no upper bound). */
    static final String HISTORY_FREQUENCY = "must be a valid duration between 1 hour and 1000 days (e.g. 1h, 24h, 30d)";
    static final String EXCLUDED_USER_NAME = "must be a non-empty string";
    static final String INDEX_PATTERN = "must be a non-empty, valid index pattern (no spaces or illegal characters)";
    static final String DELAY = "must be less than lookbackPeriod";
    static final String DURATION = "must be a valid duration (e.g. 30s, 5m, 1h, 1d)";

    /** Elasticsearch's illegal index-name characters, plus white space. */
    private static final Pattern ILLEGAL_IN_PATTERN = Pattern.compile("[\\s\\\\/?\"<>|,#]");

    private LogExtractionValidator() {}

    /** Every problem of a {@code logExtraction} object, paths prefixed with {@code logExtraction.}. */
    public static List<String> issuesOfLogExtraction(ObjectNode logExtraction) {
        List<String> issues = new ArrayList<>();
        if (logExtraction == null) {
            return issues;
        }
        String at = "logExtraction.";
        JsonNode frequency = logExtraction.get("frequency");
        if (frequency != null && !atLeast(frequency, Duration.ofSeconds(30))) {
            issues.add(at + "frequency: " + FREQUENCY);
        }
        for (String durationField : new String[] {"lookbackPeriod", "delay", "timeout", "maxTimeWindowSize"}) {
            JsonNode value = logExtraction.get(durationField);
            if (value != null && !atLeast(value, Duration.ZERO)) {
                issues.add(at + durationField + ": " + DURATION);
            }
        }
        for (String patternsField : new String[] {"additionalIndexPatterns", "excludedIndexPatterns"}) {
            JsonNode patterns = logExtraction.get(patternsField);
            if (patterns != null && patterns.isArray()) {
                for (int i = 0; i < patterns.size(); i++) {
                    if (!isIndexPattern(patterns.get(i))) {
                        issues.add(at + patternsField + "." + i + ": " + INDEX_PATTERN);
                    }
                }
            }
        }
        JsonNode delay = logExtraction.get("delay");
        JsonNode lookback = logExtraction.get("lookbackPeriod");
        if ((delay != null || lookback != null) && issues.isEmpty()) {
            Duration d = DurationSetting.parse(delay == null ? EngineDefaults.DELAY : delay.asText()).orElseThrow();
            Duration l = DurationSetting.parse(lookback == null ? EngineDefaults.LOOKBACK_PERIOD : lookback.asText()).orElseThrow();
            if (d.compareTo(l) >= 0) {
                issues.add(at + "delay: " + DELAY);
            }
        }
        return issues;
    }

    /** Every problem of a {@code historySnapshot} object. */
    public static List<String> issuesOfHistorySnapshot(ObjectNode historySnapshot) {
        List<String> issues = new ArrayList<>();
        if (historySnapshot == null) {
            return issues;
        }
        JsonNode frequency = historySnapshot.get("frequency");
        if (frequency != null && !isHistoryFrequency(frequency)) {
            issues.add("historySnapshot.frequency: " + HISTORY_FREQUENCY);
        }
        return issues;
    }

    /** A history-snapshot frequency Kibana takes: a duration from 1 hour to 1000 days. */
    static boolean isHistoryFrequency(JsonNode frequency) {
        return atLeast(frequency, Duration.ofHours(1))
                && DurationSetting.parse(frequency.asText()).orElseThrow().compareTo(Duration.ofDays(1000)) <= 0;
    }

    /** Every problem of the install's {@code excludedUserNames} (the count is the contract's, at most 200). */
    public static List<String> issuesOfExcludedUserNames(List<String> names) {
        List<String> issues = new ArrayList<>();
        if (names != null) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i) == null || names.get(i).isBlank()) {
                    issues.add("excludedUserNames." + i + ": " + EXCLUDED_USER_NAME);
                }
            }
        }
        return issues;
    }

    /** Throws with Kibana's text when any of the given settings is invalid. */
    public static void validate(ObjectNode logExtraction, ObjectNode historySnapshot) {
        validate(logExtraction, historySnapshot, null);
    }

    /** Throws with Kibana's text when any of the given install settings is invalid. */
    public static void validate(ObjectNode logExtraction, ObjectNode historySnapshot, List<String> excludedUserNames) {
        List<String> issues = new ArrayList<>(issuesOfExcludedUserNames(excludedUserNames));
        issues.addAll(issuesOfLogExtraction(logExtraction));
        issues.addAll(issuesOfHistorySnapshot(historySnapshot));
        if (!issues.isEmpty()) {
            throw new InvalidSettingsException(issues);
        }
    }

    private static boolean atLeast(JsonNode value, Duration minimum) {
        return value.isTextual() && DurationSetting.parse(value.asText())
                .filter(d -> !d.isZero() && d.compareTo(minimum) >= 0).isPresent();
    }

    private static boolean isIndexPattern(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        String pattern = value.asText();
        return !pattern.isEmpty() && !ILLEGAL_IN_PATTERN.matcher(pattern).find()
                && !pattern.startsWith("_") && !pattern.startsWith("+");
    }
}
