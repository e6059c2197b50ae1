package dev.entitystore.server.resolution;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kibana's resolution-rule routes (list, enable, disable) end to end, each test in its own space: the
 * built-in rules with Kibana's ids and defaults, the state kept per space and across a restart.
 */
abstract class ResolutionRulesHttpSuite {
    private static final List<String> RULE_IDS = List.of("email_exact_match", "windows_sid_bridge",
            "entra_guid_bridge", "crowdstrike_sid_bridge", "upn_cross_field_bridge", "related_user_alias_resolution");

    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static HttpClientForTests client() {
        return server.client();
    }

    private static String rules(String space) {
        return "/s/" + space + "/api/security/entity_store/resolution/rules";
    }

    private static Answer toggle(String path) {
        return client().request("PUT", path).send();
    }

    private static JsonNode rule(String space, String id) {
        Answer answer = client().get(rules(space));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        for (JsonNode rule : answer.json().path("rules")) {
            if (rule.path("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id + " in " + answer.body());
    }

    @Test
    void listsTheBuiltInRulesWithKibanasIdsKindsAndDefaults() {
        JsonNode listed = client().get(rules("rules-list")).json().path("rules");
        List<String> ids = new ArrayList<>();
        listed.forEach(rule -> ids.add(rule.path("id").asText()));
        assertThat(ids).containsExactlyElementsOf(RULE_IDS);
        for (JsonNode rule : listed) {
            assertThat(rule.path("managed").asBoolean()).isTrue();
            assertThat(rule.path("description").asText()).isNotBlank();
            boolean shipsEnabled = !rule.path("id").asText().equals("related_user_alias_resolution");
            assertThat(rule.path("enabled").asBoolean()).as(rule.toString()).isEqualTo(shipsEnabled);
        }
        assertThat(rule("rules-list", "email_exact_match").path("kind").asText()).isEqualTo("same_field");
        assertThat(rule("rules-list", "upn_cross_field_bridge").path("kind").asText()).isEqualTo("cross_field");
        assertThat(rule("rules-list", "related_user_alias_resolution").path("kind").asText())
                .isEqualTo("related_user_alias_resolution");
    }

    @Test
    void disableAndEnableAnswerTheRuleAndHoldInTheirSpaceOnly() {
        Answer disabled = toggle(rules("rules-toggle") + "/email_exact_match/disable");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().path("id").asText()).isEqualTo("email_exact_match");
        assertThat(disabled.json().path("kind").asText()).isEqualTo("same_field");
        assertThat(disabled.json().path("managed").asBoolean()).isTrue();
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(rule("rules-toggle", "email_exact_match").path("enabled").asBoolean()).isFalse();
        assertThat(rule("rules-other", "email_exact_match").path("enabled").asBoolean()).as("another space").isTrue();

        Answer enabled = toggle(rules("rules-toggle") + "/related_user_alias_resolution/enable");
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
        assertThat(rule("rules-toggle", "related_user_alias_resolution").path("enabled").asBoolean()).isTrue();

        assertThat(toggle(rules("rules-toggle") + "/email_exact_match/enable").json().path("enabled")
                .asBoolean()).isTrue();
        assertThat(rule("rules-toggle", "email_exact_match").path("enabled").asBoolean()).isTrue();
    }

    @Test
    void theRulesStateSurvivesARestart() {
        toggle(rules("rules-restart") + "/windows_sid_bridge/disable");
        server.stop();
        server.start();
        assertThat(rule("rules-restart", "windows_sid_bridge").path("enabled").asBoolean()).isFalse();
        assertThat(rule("rules-restart", "entra_guid_bridge").path("enabled").asBoolean()).isTrue();
    }

    @Test
    void anUnknownRuleIs404AndChangesNothing() {
        assertError(toggle(rules("rules-unknown") + "/no_such_rule/enable"), 404, "Not Found",
                "Saved object [entity-resolution-rule/no_such_rule] not found");
        assertError(toggle(rules("rules-unknown") + "/no_such_rule/disable"), 404, "Not Found",
                "Saved object [entity-resolution-rule/no_such_rule] not found");
        assertThat(client().get(rules("rules-unknown")).json().path("rules")).hasSize(RULE_IDS.size());
    }

    @Test
    void anIdLongerThanKibanasLimitIs400() {
        Answer answer = toggle(rules("rules-long") + "/" + "x".repeat(101) + "/enable");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).startsWith("[request params]");
    }
}
