package dev.entitystore.server.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Our extension of Kibana's group route: {@code size} and {@code searchAfter} walk a group's aliases page by
 * page, in EUID order, each alias once, also while other requests link and rewrite members.
 */
abstract class ResolutionGroupPagingHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static HttpClientForTests client() {
        return server.client();
    }

    private static String base(String space) {
        return "/s/" + space + "/api/security/entity_store";
    }

    /** Installs the space, creates {@code t} and {@code aliases} generic entities and links them to it. */
    private static List<String> groupOf(String space, int aliases) {
        assertThat(client().post(base(space) + "/install", "{}").status()).isEqualTo(201);
        create(space, "t");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < aliases; i++) {
            ids.add(String.format("alias-%03d", i));
        }
        ids.forEach(id -> create(space, id));
        link(space, ids);
        return ids;
    }

    private static void create(String space, String id) {
        Answer created = client().post(base(space) + "/entities/generic", "{\"entity\":{\"id\":\"" + id + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
    }

    private static void link(String space, List<String> ids) {
        String body = "{\"target_id\":\"t\",\"entity_ids\":[\"" + String.join("\",\"", ids) + "\"]}";
        Answer linked = client().post(base(space) + "/resolution/link", body);
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
    }

    private static Answer page(String space, String member, String query) {
        return client().get(base(space) + "/resolution/group?entity_id=" + member + query);
    }

    private static List<String> ids(JsonNode aliases) {
        List<String> ids = new ArrayList<>();
        aliases.forEach(alias -> ids.add(alias.path("entity").path("id").asText()));
        return ids;
    }

    /** Walks the group with pages of {@code size}, checking each page; returns the aliases in walk order. */
    private static List<String> walk(String space, String member, int size, Runnable betweenPages) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            String query = "&size=" + size
                    + (cursor == null ? "" : "&searchAfter=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Answer answer = page(space, member, query);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode body = answer.json();
            assertThat(body.path("target").path("entity").path("id").asText()).isEqualTo("t");
            assertThat(body.path("aliases").size()).isLessThanOrEqualTo(size);
            seen.addAll(ids(body.path("aliases")));
            cursor = body.path("nextSearchAfter").isNull() ? null : body.path("nextSearchAfter").asText();
            assertThat(body.has("nextSearchAfter")).isTrue();
            betweenPages.run();
        } while (cursor != null);
        return seen;
    }

    @Test
    void aPagedWalkAnswersEveryAliasOnceInEuidOrderWithTheWholeGroupsSize() {
        List<String> ids = groupOf("paged", 23);

        List<String> seen = walk("paged", "alias-005", 5, () -> { });

        assertThat(seen).containsExactlyElementsOf(ids);
        JsonNode first = page("paged", "t", "&size=5").json();
        assertThat(first.path("group_size").asLong()).isEqualTo(24);
        assertThat(first.path("entity_type").asText()).isEqualTo("generic");
        assertThat(first.path("nextSearchAfter").asText()).isEqualTo("alias-004");
        JsonNode last = page("paged", "t", "&size=5&searchAfter=alias-019").json();
        assertThat(ids(last.path("aliases"))).containsExactly("alias-020", "alias-021", "alias-022");
        assertThat(last.path("nextSearchAfter").isNull()).isTrue();
        assertThat(last.path("group_size").asLong()).isEqualTo(24);
        // A cursor alone pages with the default size; the unpaged answer is Kibana's, whole and without a cursor.
        assertThat(ids(page("paged", "t", "&searchAfter=alias-020").json().path("aliases")))
                .containsExactly("alias-021", "alias-022");
        JsonNode whole = page("paged", "t", "").json();
        assertThat(ids(whole.path("aliases"))).containsExactlyElementsOf(ids);
        assertThat(whole.has("nextSearchAfter")).isFalse();
        assertThat(whole.path("group_size").asLong()).isEqualTo(24);
    }

    @Test
    void aPagedWalkIsStableWhileMembersAreRewrittenAndLinked() throws Exception {
        List<String> ids = groupOf("paged-race", 40);
        List<String> late = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            late.add(String.format("late-%03d", i));
        }
        late.forEach(id -> create("paged-race", id));
        AtomicBoolean walking = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // Rewrites every alias (a newer @timestamp and version) and links new ones while the walk runs.
            Future<?> writer = pool.submit(() -> {
                int round = 0;
                while (walking.get() && round < 200) {
                    for (String id : ids) {
                        Answer updated = client().put(base("paged-race") + "/entities/generic?force=true",
                                "{\"entity\":{\"id\":\"" + id + "\",\"name\":\"round-" + round + "\"}}");
                        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
                    }
                    if (round < late.size()) {
                        link("paged-race", List.of(late.get(round)));
                    }
                    round++;
                }
            });
            List<String> seen = walk("paged-race", "t", 3, () -> sleep(20));
            walking.set(false);
            writer.get(2, TimeUnit.MINUTES);

            assertThat(seen).doesNotHaveDuplicates();
            assertThat(seen).containsAll(ids);
            assertThat(seen).allMatch(id -> ids.contains(id) || late.contains(id));
        } finally {
            walking.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void badPagingParametersAre400() {
        groupOf("paged-bad", 2);
        for (String query : List.of("&size=0", "&size=10001", "&size=ten", "&searchAfter=")) {
            Answer answer = page("paged-bad", "t", query);
            assertThat(answer.status()).as(query + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.json().path("statusCode").asInt()).isEqualTo(400);
        }
        assertThat(page("paged-bad", "t", "&size=10000").json().path("aliases")).hasSize(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
