package dev.entitystore.server.resolution;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The automated resolution run on demand through Kibana's internal maintainer route, each test in its own
 * space: the rules link users sharing a key, an analyst's unlink is never undone, existing groups are not
 * merged, disabled rules do not run, and a run walks every page of records.
 */
abstract class AutomatedResolutionHttpSuite {
    private static final String RESOLVED_TO = "/entity/relationships/resolution/resolved_to";

    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static HttpClientForTests client() {
        return server.client();
    }

    private static String base(String space) {
        return "/s/" + space + "/api/security/entity_store";
    }

    private static void install(String space) {
        assertThat(client().post(base(space) + "/install", "{}").status()).isEqualTo(201);
    }

    /**
     * A user record with this EUID (the one the server derives: {@code user:<email or id or name>@<namespace>},
     * or {@code user:<name>@<host.id>@local}); {@code module} sets its namespace ({@code okta} → okta,
     * {@code azure} → entra_id, {@code local} → local, another kept as it is).
     */
    private static void user(String space, String euid, String module, String fields) {
        Answer created = client().post(base(space) + "/entities/user", "{\"entity\":{\"id\":\"" + euid
                + "\"},\"event\":{\"module\":\"" + module + "\"}," + fields + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
    }

    private static String email(String address) {
        return "\"user\":{\"email\":[\"" + address + "\"]}";
    }

    /** A local account: name and host make its EUID. */
    private static String local(String name, String host, String address) {
        return "\"user\":{\"name\":\"" + name + "\",\"email\":[\"" + address + "\"]},\"host\":{\"id\":[\"" + host
                + "\"]}";
    }

    private static JsonNode run(String space) {
        Answer answer = client().request("POST",
                "/s/" + space + "/internal/security/entity_store/entity_maintainers/run/automated-resolution")
                .timeout(Duration.ofMinutes(2)).send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("ok").asBoolean()).isTrue();
        return answer.json().path("summary");
    }

    private static String resolvedTo(String space, String euid) {
        JsonNode record = client().get(base(space) + "/entities/user/" + euid).json();
        return record.at(RESOLVED_TO).isMissingNode() ? null : record.at(RESOLVED_TO).asText();
    }

    private static Answer unlink(String space, String euid) {
        return client().post(base(space) + "/resolution/unlink", "{\"entity_ids\":[\"" + euid + "\"]}");
    }

    private static Answer link(String space, String target, String euid) {
        return client().post(base(space) + "/resolution/link",
                "{\"target_id\":\"" + target + "\",\"entity_ids\":[\"" + euid + "\"]}");
    }

    @Test
    void emailExactMatchLinksUsersCaseInsensitivelyToAnIdentityProvidersRecord() {
        String okta = "user:Jane.Doe@Corp.example@okta";
        String entra = "user:jane.doe@corp.example@entra_id";
        String local = "user:jdoe@h1@local";
        install("auto-email");
        user("auto-email", okta, "okta", email("Jane.Doe@Corp.example"));
        user("auto-email", entra, "azure", email("jane.doe@corp.example"));
        user("auto-email", local, "local", local("jdoe", "h1", "JANE.DOE@CORP.EXAMPLE"));
        user("auto-email", "user:bob@corp.example@okta", "okta", email("bob@corp.example"));

        JsonNode summary = run("auto-email");
        assertThat(summary.path("linked").asLong()).isEqualTo(2);
        assertThat(summary.path("groups").asLong()).isEqualTo(1);
        // Identity providers' records rank above the local one; between them the smaller EUID wins.
        assertThat(resolvedTo("auto-email", okta)).isNull();
        assertThat(resolvedTo("auto-email", entra)).isEqualTo(okta);
        assertThat(resolvedTo("auto-email", local)).isEqualTo(okta);
        assertThat(resolvedTo("auto-email", "user:bob@corp.example@okta")).isNull();
        JsonNode group = client().get(base("auto-email") + "/resolution/group?entity_id=" + local).json();
        assertThat(group.path("group_size").asLong()).isEqualTo(3);

        JsonNode again = run("auto-email");
        assertThat(again.path("linked").asLong()).as("a second run has nothing to do").isZero();
        assertThat(again.path("groups").asLong()).isZero();
    }

    @Test
    void anAnalystsUnlinkIsNotUndoneByALaterRun() {
        String entra = "user:ann@corp.example@entra_id";
        String local = "user:ann@h2@local";
        install("auto-sticky");
        user("auto-sticky", "user:ann@corp.example@okta", "okta", email("ann@corp.example"));
        user("auto-sticky", entra, "azure", email("ann@corp.example"));
        user("auto-sticky", local, "local", local("ann", "h2", "ann@corp.example"));
        assertThat(run("auto-sticky").path("linked").asLong()).isEqualTo(2);
        assertThat(resolvedTo("auto-sticky", local)).isEqualTo(entra);

        assertThat(unlink("auto-sticky", local).status()).isEqualTo(200);
        JsonNode after = run("auto-sticky");
        assertThat(after.path("linked").asLong()).isZero();
        assertThat(after.path("kept_unlinked").asLong()).isEqualTo(1);
        assertThat(resolvedTo("auto-sticky", local)).as("the analyst's unlink stands").isNull();

        // A new record with the same email joins the group; the unlinked one still stays out.
        String ad = "user:Ann@corp.example@active_directory";
        user("auto-sticky", ad, "entityanalytics_ad", email("Ann@corp.example"));
        run("auto-sticky");
        assertThat(resolvedTo("auto-sticky", ad)).isEqualTo(entra);
        assertThat(resolvedTo("auto-sticky", local)).isNull();

        // Linked again by hand, it is an ordinary member again (and a run leaves it so).
        assertThat(link("auto-sticky", entra, local).status()).isEqualTo(200);
        run("auto-sticky");
        assertThat(resolvedTo("auto-sticky", local)).isEqualTo(entra);
    }

    @Test
    void anUnlinkedAliasIsNotPulledBackByBecomingTheTargetEither() {
        String okta = "user:b@corp.example@okta";
        String local = "user:b@h3@local";
        install("auto-pair");
        user("auto-pair", okta, "okta", email("b@corp.example"));
        user("auto-pair", local, "local", local("b", "h3", "b@corp.example"));
        run("auto-pair");
        assertThat(resolvedTo("auto-pair", local)).isEqualTo(okta);
        unlink("auto-pair", local);
        run("auto-pair");
        assertThat(resolvedTo("auto-pair", local)).isNull();
        assertThat(resolvedTo("auto-pair", okta)).isNull();
    }

    @Test
    void twoExistingGroupsSharingAKeyAreLeftApart() {
        String t1 = "user:t1@corp.example@okta";
        String t2 = "user:t2@corp.example@okta";
        install("auto-merge");
        user("auto-merge", t1, "okta", email("t1@corp.example"));
        user("auto-merge", t2, "okta", email("t2@corp.example"));
        user("auto-merge", "user:a@h4@local", "local", local("a", "h4", "shared@corp.example"));
        user("auto-merge", "user:b@h5@local", "local", local("b", "h5", "shared@corp.example"));
        link("auto-merge", t1, "user:a@h4@local");
        link("auto-merge", t2, "user:b@h5@local");

        JsonNode summary = run("auto-merge");
        assertThat(summary.path("conflicts").asLong()).isEqualTo(1);
        assertThat(summary.path("linked").asLong()).isZero();
        assertThat(resolvedTo("auto-merge", "user:a@h4@local")).isEqualTo(t1);
        assertThat(resolvedTo("auto-merge", "user:b@h5@local")).isEqualTo(t2);
    }

    @Test
    void aDisabledRuleDoesNotRun() {
        install("auto-disabled");
        user("auto-disabled", "user:c@corp.example@okta", "okta", email("c@corp.example"));
        user("auto-disabled", "user:c@h6@local", "local", local("c", "h6", "c@corp.example"));
        client().request("PUT", base("auto-disabled") + "/resolution/rules/email_exact_match/disable").send();

        JsonNode summary = run("auto-disabled");
        List<String> rules = new ArrayList<>();
        summary.path("rules").forEach(rule -> rules.add(rule.asText()));
        assertThat(rules).doesNotContain("email_exact_match").contains("windows_sid_bridge");
        assertThat(resolvedTo("auto-disabled", "user:c@h6@local")).isNull();
    }

    @Test
    void sidGuidAndUpnRulesLinkOnUserIdAndName() {
        String sidAd = "user:S-1-5-21-111-222-333-1105@active_directory";
        String sidCs = "user:s-1-5-21-111-222-333-1105@crowdstrike";
        String guidM365 = "user:0F8FAD5B-D9CB-469F-A165-70867728950E@m365_defender";
        String guidEntra = "user:0f8fad5b-d9cb-469f-a165-70867728950e@entra_id";
        String upnName = "user:Kim@corp.example@system";
        String upnId = "user:kim@corp.example@entra_id";
        install("auto-ids");
        user("auto-ids", sidAd, "entityanalytics_ad", "\"user\":{\"id\":[\"S-1-5-21-111-222-333-1105\"]}");
        user("auto-ids", sidCs, "crowdstrike", "\"user\":{\"id\":[\"s-1-5-21-111-222-333-1105\"]}");
        // Well-known RID 500 (the domain's Administrator) is shared by design: never a bridge.
        user("auto-ids", "user:S-1-5-21-111-222-333-500@active_directory", "entityanalytics_ad",
                "\"user\":{\"id\":[\"S-1-5-21-111-222-333-500\"]}");
        user("auto-ids", "user:S-1-5-21-111-222-333-500@crowdstrike", "crowdstrike",
                "\"user\":{\"id\":[\"S-1-5-21-111-222-333-500\"]}");
        user("auto-ids", guidM365, "m365_defender", "\"user\":{\"id\":[\"0F8FAD5B-D9CB-469F-A165-70867728950E\"]}");
        user("auto-ids", guidEntra, "azure", "\"user\":{\"id\":[\"0f8fad5b-d9cb-469f-a165-70867728950e\"]}");
        user("auto-ids", upnName, "system", "\"user\":{\"name\":\"Kim@corp.example\"}");
        user("auto-ids", upnId, "azure", "\"user\":{\"id\":[\"kim@corp.example\"]}");

        run("auto-ids");
        assertThat(resolvedTo("auto-ids", sidCs)).isEqualTo(sidAd);
        assertThat(resolvedTo("auto-ids", "user:S-1-5-21-111-222-333-500@active_directory")).isNull();
        assertThat(resolvedTo("auto-ids", "user:S-1-5-21-111-222-333-500@crowdstrike")).isNull();
        assertThat(resolvedTo("auto-ids", guidEntra)).isEqualTo(guidM365);
        assertThat(resolvedTo("auto-ids", upnId)).isEqualTo(upnName);
    }

    @Test
    void aRunWalksEveryPageOfRecords() {
        install("auto-pages");
        int pairs = 55; // 110 records: more than a page of the walk (100)
        for (int i = 0; i < pairs; i++) {
            user("auto-pages", "user:p" + i + "@corp.example@okta", "okta", email("p" + i + "@corp.example"));
            user("auto-pages", "user:p" + i + "@h" + i + "@local", "local", local("p" + i, "h" + i, "p" + i + "@corp.example"));
        }
        assertThat(run("auto-pages").path("linked").asLong()).isEqualTo(pairs);
        for (int i = 0; i < pairs; i += 13) {
            assertThat(resolvedTo("auto-pages", "user:p" + i + "@h" + i + "@local"))
                    .isEqualTo("user:p" + i + "@corp.example@okta");
        }
    }

    @Test
    void linksMadeByARunSurviveARestart() {
        install("auto-restart");
        user("auto-restart", "user:d@corp.example@okta", "okta", email("d@corp.example"));
        user("auto-restart", "user:d@h7@local", "local", local("d", "h7", "d@corp.example"));
        run("auto-restart");
        server.stop();
        server.start();
        assertThat(resolvedTo("auto-restart", "user:d@h7@local")).isEqualTo("user:d@corp.example@okta");
    }

    @Test
    void anUnknownMaintainerIs400AndAStoreNotInstalledIs400() {
        install("auto-errors");
        assertError(client().request("POST",
                        "/s/auto-errors/internal/security/entity_store/entity_maintainers/run/risk-score").send(),
                400, "Bad Request", "[request params]: id: Entity maintainer not found");
        Answer notInstalled = client().request("POST",
                "/s/auto-fresh/internal/security/entity_store/entity_maintainers/run/automated-resolution").send();
        assertThat(notInstalled.status()).isEqualTo(400);
        assertThat(notInstalled.json().path("message").asText()).startsWith("Entity Store is not installed");
    }
}
