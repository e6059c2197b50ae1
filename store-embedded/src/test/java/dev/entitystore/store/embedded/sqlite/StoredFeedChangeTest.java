package dev.entitystore.store.embedded.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A stored change's entity type read from its header without a parse (what a history page's type check asks of
 * its newest change), against the parsed change's, for the shapes the header's value can take.
 */
class StoredFeedChangeTest {
    private static final String HEADER = "{\"seq\":7,\"version\":3,\"@timestamp\":\"2026-12-07T20:00:00.000Z\",\"op\":\"update\","
            + "\"actor\":{\"type\":\"api_key\",\"id\":\"%s\"},\"route\":\"PUT /api/security/entity_store/entities/{entityType}\","
            + "\"space\":\"default\",\"entityType\":%s,\"entityId\":\"host:h1\",\"_id\":\"abc\"";
    private static final String FIELDS = ",\"fields\":{\"host.ip\":{\"before\":[\"10.0.0.1\"],\"after\":[\"10.0.0.2\"]}}}";

    @Test
    void anUpdatesTypeIsReadFromItsHeaderAndItsBytesAreTheStoredOnes() {
        byte[] stored = bytes(String.format(HEADER, "k1", "\"host\"") + FIELDS);
        StoredFeedChange change = StoredFeedChange.of(7, stored);
        assertThat(change.entityType()).isEqualTo("host").isEqualTo(change.change().entityType());
        assertThat(change.json()).isSameAs(stored);
    }

    @Test
    void aTypeLikeKeyInsideAnEarlierStringIsNotTheHeadersKey() {
        // the actor id holds ,"entityType":"user" as a JSON string holds it: its quotes escaped
        byte[] stored = bytes(String.format(HEADER, "x\\\",\\\"entityType\\\":\\\"user", "\"host\"") + FIELDS);
        StoredFeedChange change = StoredFeedChange.of(7, stored);
        assertThat(change.entityType()).isEqualTo("host").isEqualTo(change.change().entityType());
    }

    @Test
    void aNullTypeIsNull() {
        StoredFeedChange change = StoredFeedChange.of(7, bytes(String.format(HEADER, "k1", "null") + FIELDS));
        assertThat(change.entityType()).isNull();
        assertThat(change.change().entityType()).isNull();
    }

    @Test
    void anEscapedTypeIsReadFromTheParsedChange() {
        StoredFeedChange change = StoredFeedChange.of(7, bytes(String.format(HEADER, "k1", "\"ho\\\"st\"") + FIELDS));
        assertThat(change.entityType()).isEqualTo("ho\"st").isEqualTo(change.change().entityType());
    }

    @Test
    void aHeaderWithoutATypeFallsBackToTheParse() {
        String header = String.format(HEADER, "k1", "\"host\"").replace(",\"entityType\":\"host\"", "");
        StoredFeedChange change = StoredFeedChange.of(7, bytes(header + FIELDS));
        assertThat(change.entityType()).isNull();
    }

    @Test
    void aCreatesTypeIsReadFromItsReshapedHeader() {
        String create = String.format(HEADER, "k1", "\"host\"").replace("\"op\":\"update\"", "\"op\":\"create\"")
                + ",\"created\":{\"host\":{\"name\":\"h1\",\"ip\":[\"10.0.0.1\"]},\"entity\":{\"id\":\"host:h1\"}}}";
        StoredFeedChange change = StoredFeedChange.of(7, bytes(create));
        assertThat(new String(change.json(), StandardCharsets.UTF_8)).contains(",\"fields\":{").doesNotContain("\"created\"");
        assertThat(change.entityType()).isEqualTo("host").isEqualTo(change.change().entityType());
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
