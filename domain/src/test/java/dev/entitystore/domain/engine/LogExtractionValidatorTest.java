package dev.entitystore.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class LogExtractionValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void frequencyUnderThirtySecondsIsRefusedWithKibanasText() throws Exception {
        assertThat(LogExtractionValidator.issuesOfLogExtraction(json("{\"frequency\":\"10s\"}")))
                .containsExactly("logExtraction.frequency: must be a valid duration of at least 30 seconds (e.g. 1m, 30s)");
        assertThat(LogExtractionValidator.issuesOfLogExtraction(json("{\"frequency\":\"soon\"}"))).hasSize(1);
        assertThat(LogExtractionValidator.issuesOfLogExtraction(json("{\"frequency\":30}"))).hasSize(1);
    }

    @Test
    void frequencyOfThirtySecondsOrMoreIsAccepted() throws Exception {
        assertThat(LogExtractionValidator.issuesOfLogExtraction(json("{\"frequency\":\"30s\"}"))).isEmpty();
        assertThat(LogExtractionValidator.issuesOfLogExtraction(json("{\"frequency\":\"5m\"}"))).isEmpty();
    }

    @Test
    void delayMustBeLessThanLookbackPeriodWithDefaultsForTheMissingSide() throws Exception {
        assertThat(LogExtractionValidator.issuesOfLogExtraction(json("{\"delay\":\"4h\"}")))
                .containsExactly("logExtraction.delay: must be less than lookbackPeriod");
        assertThat(LogExtractionValidator.issuesOfLogExtraction(json("{\"lookbackPeriod\":\"30s\"}")))
                .containsExactly("logExtraction.delay: must be less than lookbackPeriod");
        assertThat(LogExtractionValidator.issuesOfLogExtraction(json(
                "{\"lookbackPeriod\":\"12h\",\"frequency\":\"5m\",\"delay\":\"2m\",\"fieldHistoryLength\":20}"))).isEmpty();
    }

    @Test
    void indexPatternsMustBeNonEmptyWithoutSpacesOrIllegalCharacters() throws Exception {
        assertThat(LogExtractionValidator.issuesOfLogExtraction(json(
                "{\"additionalIndexPatterns\":[\"logs-*\",\"\",\"bad pattern\",\"a|b\"]}")))
                .containsExactly(
                        "logExtraction.additionalIndexPatterns.1: must be a non-empty, valid index pattern (no spaces or illegal characters)",
                        "logExtraction.additionalIndexPatterns.2: must be a non-empty, valid index pattern (no spaces or illegal characters)",
                        "logExtraction.additionalIndexPatterns.3: must be a non-empty, valid index pattern (no spaces or illegal characters)");
    }

    @Test
    void historySnapshotFrequencyMustBeAtLeastAnHour() throws Exception {
        assertThat(LogExtractionValidator.issuesOfHistorySnapshot(json("{\"frequency\":\"30m\"}")))
                .containsExactly("historySnapshot.frequency: must be a valid duration between 1 hour and 1000 days (e.g. 1h, 24h, 30d)");
        assertThat(LogExtractionValidator.issuesOfHistorySnapshot(json("{\"frequency\":\"24h\"}"))).isEmpty();
    }

    @Test
    void validateThrowsWithTheRequestBodyPrefix() throws Exception {
        ObjectNode bad = json("{\"frequency\":\"1s\"}");
        assertThatThrownBy(() -> LogExtractionValidator.validate(bad, null))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("[request body]: logExtraction.frequency: must be a valid duration of at least 30 seconds (e.g. 1m, 30s)");
    }
}
