package dev.entitystore.store.embedded.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.query.KqlParser;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.query.QueryDslParser;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.domain.store.CommittedChange;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Evaluation semantics on the real index, as Elasticsearch on a keyword mapping: exact and case-sensitive,
 * multi-valued fields match on any value, exists, wildcards, numeric and date ranges; KQL and DSL agree.
 */
class SearchSemanticsTest {
    @TempDir
    static Path dir;
    static LuceneEntityIndex index;
    static LuceneEntitySearch search;

    @BeforeAll
    static void fill() throws Exception {
        index = LuceneEntityIndex.open(dir.resolve("index"));
        Clock clock = Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC);
        RecordsInMemory records = new RecordsInMemory();
        search = new LuceneEntitySearch(index, records, clock);
        long seq = 0;
        List<CommittedChange> docs = List.of(
                CommittedChange.upsert(++seq, "default", "h1", """
                        {"@timestamp":"2024-06-15T10:00:00.000Z","entity":{"id":"host:web-01","name":"web-01","EngineMetadata":{"Type":"host"},
                         "attributes":{"managed":true,"watchlists":["vip","prod"]}},"host":{"name":"web-01","ip":["10.0.0.1","10.0.0.2"]},
                         "risk":{"score":72.5},"asset":{"criticality":"high_impact"}}"""),
                CommittedChange.upsert(++seq, "default", "h2", """
                        {"@timestamp":"2024-06-14T10:00:00.000Z","entity":{"id":"host:Web-02","name":"Web-02","EngineMetadata":{"Type":"host"},
                         "attributes":{"managed":false}},"host":{"name":"Web-02","ip":"10.0.0.3"},"risk":{"score":5}}"""),
                CommittedChange.upsert(++seq, "default", "u1", """
                        {"@timestamp":"2024-06-10T10:00:00.000Z","entity":{"id":"user:jane@corp","name":"Jane Doe","EngineMetadata":{"Type":"user"},
                         "lifecycle":{"first_seen":"2024-01-01T00:00:00Z"}},"user":{"name":"jane","email":["jane@corp"]},"risk":{"score":40}}"""),
                CommittedChange.upsert(++seq, "default", "g1", """
                        {"@timestamp":"2023-12-31T23:59:59.999Z","entity":{"id":"required-id-1-bulk","EngineMetadata":{"Type":"generic"},
                         "note":null,"tags":[]}}"""),
                CommittedChange.upsert(++seq, "other", "o1", """
                        {"@timestamp":"2024-06-15T11:00:00.000Z","entity":{"id":"host:web-01","EngineMetadata":{"Type":"host"}},"host":{"name":"web-01"}}"""));
        index.apply(docs, seq);
        records.apply(docs);
        index.refresh();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static List<String> ids(Query query) {
        return ids("default", query);
    }

    static List<String> ids(String space, Query query) {
        return search.search(new SearchRequest(space, query, SearchSort.newestFirst(), null, 0, 100, false))
                .hits().stream().map(SearchHit::id).toList();
    }

    static List<String> kql(String kql) {
        return ids(KqlParser.parse(kql));
    }

    static List<String> dsl(String json) {
        return ids(QueryDslParser.parse(json));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "''                                              | h1,h2,u1,g1",
            "host.name: web-01                               | h1",
            "host.name: WEB-01                               | ''",
            "host.name: \"Web-02\"                           | h2",
            "host.ip: 10.0.0.2                               | h1",
            "entity.attributes.watchlists: vip and entity.attributes.watchlists: prod | h1",
            "entity.attributes.managed: true                 | h1",
            "entity.attributes.managed: false                | h2",
            "host.name: *                                    | h1,h2",
            "host: *                                         | h1,h2",
            "not host.name: *                                | u1,g1",
            "entity.note: *                                  | ''",
            "entity.tags: *                                  | ''",
            "entity.id: host\\:*                             | h1,h2",
            "entity.id: *web*                                | h1",
            "entity.id: required-id-*-bulk                   | g1",
            "entity.name: Jane Doe                           | u1",
            "entity.name: Jane*                              | u1",
            "host.name: (web-01 or Web-02)                   | h1,h2",
            "host.name: web-01 or user.name: jane            | h1,u1",
            "entity.EngineMetadata.Type: host and not risk.score < 10 | h1",
            "risk.score >= 40                                | h1,u1",
            "risk.score > 40                                 | h1",
            "risk.score <= 5                                 | h2",
            "risk.score: 72.5                                | h1",
            "risk.score: 5.0                                 | h2",
            "@timestamp >= 2024-06-14                        | h1,h2",
            "@timestamp < \"2024-01-01\"                     | g1",
            "entity.lifecycle.first_seen < 2024-02-01        | u1",
            "web-01                                          | h1",
            "jane*                                           | u1",
            "host.*: Web-02                                  | h2",
            "entity:{ EngineMetadata.Type: user and name: \"Jane Doe\" } | u1",
            "asset.criticality: high_impact                  | h1"})
    void kqlSemantics(String kql, String expected) {
        assertThat(kql(kql)).containsExactlyInAnyOrder(expected.isEmpty() ? new String[0] : expected.split(","));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "{\"term\":{\"host.name\":\"web-01\"}}                          | h1",
            "{\"term\":{\"host.name\":{\"value\":\"WEB-01\",\"case_insensitive\":true}}} | h1",
            "{\"terms\":{\"entity.EngineMetadata.Type\":[\"host\",\"user\"]}} | h1,h2,u1",
            "{\"match\":{\"entity.name\":\"Jane Doe\"}}                     | u1",
            "{\"match_phrase\":{\"entity.name\":\"Jane Doe\"}}              | u1",
            "{\"exists\":{\"field\":\"user\"}}                              | u1",
            "{\"exists\":{\"field\":\"entity.attributes\"}}                 | h1,h2",
            "{\"exists\":{\"field\":\"entity.attributes.watchlists\"}}      | h1",
            "{\"exists\":{\"field\":\"risk.score\"}}                        | h1,h2,u1",
            "{\"exists\":{\"field\":\"host.*\"}}                            | h1,h2",
            "{\"exists\":{\"field\":\"entity.name\"}}                       | h1,h2,u1",
            "{\"exists\":{\"field\":\"entity.note\"}}                       | ''",
            "{\"exists\":{\"field\":\"entity.lifecycle.first_seen\"}}       | u1",
            "{\"bool\":{\"must_not\":[{\"exists\":{\"field\":\"asset.criticality\"}}]}} | h2,u1,g1",
            "{\"prefix\":{\"entity.id\":\"host:\"}}                         | h1,h2",
            "{\"prefix\":{\"entity.id\":{\"value\":\"HOST:w\",\"case_insensitive\":true}}} | h1,h2",
            "{\"wildcard\":{\"entity.id\":\"host:?eb-0*\"}}                 | h1,h2",
            "{\"range\":{\"risk.score\":{\"gte\":5,\"lt\":72.5}}}           | h2,u1",
            "{\"range\":{\"@timestamp\":{\"gte\":\"now-1d/d\"}}}            | h1,h2",
            "{\"range\":{\"@timestamp\":{\"lt\":\"2024-06-14T10:00:00.000Z\"}}} | u1,g1",
            "{\"range\":{\"entity.EngineMetadata.Type\":{\"gte\":\"h\",\"lt\":\"i\"}}} | h1,h2",
            "{\"ids\":{\"values\":[\"h2\",\"u1\",\"nope\"]}}                | h2,u1",
            "{\"term\":{\"_id\":\"g1\"}}                                     | g1",
            "{\"bool\":{\"must_not\":[{\"term\":{\"entity.EngineMetadata.Type\":\"host\"}}]}} | u1,g1",
            "{\"bool\":{\"should\":[{\"term\":{\"host.name\":\"web-01\"}},{\"term\":{\"user.name\":\"jane\"}}]}} | h1,u1",
            "{\"bool\":{\"should\":[{\"term\":{\"host.name\":\"web-01\"}},{\"term\":{\"risk.score\":72.5}}],\"minimum_should_match\":2}} | h1",
            "{\"bool\":{\"filter\":[{\"term\":{\"entity.EngineMetadata.Type\":\"host\"}}],\"should\":[{\"term\":{\"host.name\":\"nope\"}}]}} | h1,h2",
            "{\"match_none\":{}}                                             | ''",
            "{\"query_string\":{\"query\":\"host.name:web* AND NOT risk.score:[* TO 10]\"}} | h1",
            "{\"query_string\":{\"query\":\"jane\"}}                         | u1"})
    void dslSemantics(String json, String expected) {
        assertThat(dsl(json)).containsExactlyInAnyOrder(expected.isEmpty() ? new String[0] : expected.split(","));
    }

    @Test
    void kqlAndDslAgree() {
        assertThat(kql("entity.EngineMetadata.Type: host and host.ip: 10.0.0.3"))
                .isEqualTo(dsl("{\"bool\":{\"filter\":[{\"term\":{\"entity.EngineMetadata.Type\":\"host\"}},{\"term\":{\"host.ip\":\"10.0.0.3\"}}]}}"));
        assertThat(kql("risk.score >= 40 or entity.id: required*"))
                .containsExactlyInAnyOrderElementsOf(dsl("{\"bool\":{\"should\":[{\"range\":{\"risk.score\":{\"gte\":40}}},{\"wildcard\":{\"entity.id\":\"required*\"}}]}}"));
    }

    @Test
    void spacesAreSeparate() {
        assertThat(ids("other", KqlParser.parse("host.name: web-01"))).containsExactly("o1");
        assertThat(ids("nowhere", new Query.MatchAll())).isEmpty();
    }

    @Test
    void newestFirst() {
        assertThat(ids(new Query.MatchAll())).containsExactly("h1", "h2", "u1", "g1");
    }

    @Test
    void pageSortsOnAnyField() {
        List<String> byName = search.search(new SearchRequest("default", new Query.MatchAll(), new SearchSort("entity.name", false),
                null, 0, 10, true)).hits().stream().map(SearchHit::id).toList();
        // Uppercase sorts before lowercase (bytes); entities without a name come last.
        assertThat(byName).containsExactly("u1", "h2", "h1", "g1");
        List<String> byScoreDesc = search.search(new SearchRequest("default", new Query.MatchAll(), new SearchSort("risk.score", true),
                null, 0, 10, true)).hits().stream().map(SearchHit::id).toList();
        assertThat(byScoreDesc).containsExactly("h1", "u1", "h2", "g1");
        var page2 = search.search(new SearchRequest("default", new Query.MatchAll(), new SearchSort("risk.score", true), null, 2, 2, true));
        assertThat(page2.total()).isEqualTo(4);
        assertThat(page2.hits()).extracting(SearchHit::id).containsExactly("h2", "g1");
    }
}
