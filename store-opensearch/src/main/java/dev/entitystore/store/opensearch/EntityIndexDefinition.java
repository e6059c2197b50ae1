package dev.entitystore.store.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The settings and mapping of an entity index, as Kibana's latest-index template has them: dynamic
 * strings as {@code keyword} (ignore_above 1024) with a {@code .text} sub-field, no number detection in
 * strings, {@code @timestamp} a date, at most 2,000 fields. One primary shard (an entity index of 1M
 * ~1 KB records is a few GB); a replica as soon as the cluster has a second node.
 *
 * <p>One addition to Kibana's template: a string field whose first value is ISO-8601 stays a
 * {@code keyword} (date detection only picks the template) but also gets a {@code .date} sub-field that
 * ignores values that are not dates. Range queries and sorts on such fields then compare instants, as
 * the embedded index's date companion does, while terms and wildcards still see the exact string.
 *
 * <p>The search relies on the single primary shard: its tie-breaker is {@code _seq_no}, unique per shard.
 *
 * <p>The refresh interval is Kibana's (1 s): no write waits for it (a search refreshes the index first),
 * so it only sets how often the node publishes writes that no search asked for. Indices made before
 * issue 21's change keep the 100 ms they were created with; both behave the same.
 */
public final class EntityIndexDefinition {
    /**
     * The store's own field of every entity document: the change records it carries (issue 18), mapped
     * {@code enabled: false} (neither indexed nor searchable) and left out of every answer.
     */
    public static final String CARRIED_CHANGES = "entity_store_changes";
    private static final String RESOURCE = "entity-index.json";
    private static final String JSON = load();

    private EntityIndexDefinition() {
    }

    /** The body of the create-index request. */
    public static String json() {
        return JSON;
    }

    private static String load() {
        try (InputStream in = EntityIndexDefinition.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
