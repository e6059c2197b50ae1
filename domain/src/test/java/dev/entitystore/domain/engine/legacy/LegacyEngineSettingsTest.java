package dev.entitystore.domain.engine.legacy;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** v1 init settings: Kibana's defaults and its enrich-interval rule. */
class LegacyEngineSettingsTest {

    @Test
    void anEmptyBodyGetsEveryDefault() {
        assertThat(LegacyEngineSettings.of(obj("{}"))).isEqualTo(obj("{'fieldHistoryLength':10,"
                + "'timestampField':'@timestamp','lookbackPeriod':'24h','timeout':'180s','frequency':'1m',"
                + "'delay':'1m','docsPerSecond':10000,'maxPageSearchSize':500}"));
    }

    @Test
    void givenValuesWinAndEntityTypesIsNoSetting() {
        ObjectNode settings = LegacyEngineSettings.of(obj("{'fieldHistoryLength':3,'indexPattern':'logs-*',"
                + "'filter':'a:b','entityTypes':['host']}"));
        assertThat(settings.path("fieldHistoryLength").asInt()).isEqualTo(3);
        assertThat(settings.path("indexPattern").asText()).isEqualTo("logs-*");
        assertThat(settings.path("filter").asText()).isEqualTo("a:b");
        assertThat(settings.path("frequency").asText()).isEqualTo("1m");
        assertThat(settings.has("entityTypes")).isFalse();
    }

    @Test
    void theEnrichPolicyMustRunAtLeastTwicePerLookbackPeriod() {
        assertThat(LegacyEngineSettings.of(obj("{'enrichPolicyExecutionInterval':'12h'}"))
                .path("enrichPolicyExecutionInterval").asText()).isEqualTo("12h");
        assertThatThrownBy(() -> LegacyEngineSettings.of(obj("{'enrichPolicyExecutionInterval':'13h'}")))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("[request body]: The enrich policy execution interval must be less than or equal to "
                        + "half the duration of the lookback period.");
        assertThatThrownBy(() -> LegacyEngineSettings.of(
                obj("{'enrichPolicyExecutionInterval':'2h','lookbackPeriod':'3h'}")))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(LegacyEngineSettings.of(obj("{'enrichPolicyExecutionInterval':'1h','lookbackPeriod':'2d'}")))
                .isNotNull();
    }
}
