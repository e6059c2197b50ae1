package dev.entitystore.store.embedded.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Set;
import org.apache.lucene.util.BytesRef;

/**
 * Names of the index's own fields. They start with {@code \u0001}, which no JSON path of a record uses
 * in practice, so they can never collide with a record's fields; record fields keep their dotted path.
 */
final class IndexFields {
    private static final String INTERNAL = "\u0001";

    /**
     * The unit of update and delete: the first 16 bytes of SHA-256 of space + NUL + id. Every write
     * looks its key up in every segment; short binary keys make those lookups cheap (a 72-byte hex key
     * meant loading and decompressing a large terms block per segment), and 128 bits never collide in
     * practice.
     */
    static final String KEY = INTERNAL + "key";
    /** The space, for filtering every search and deleting a space. */
    static final String SPACE = INTERNAL + "space";
    /** The {@code _id}: stored, not indexed ({@code ids} queries look up the {@link #KEY} of space and id). */
    static final String ID = INTERNAL + "id";
    /**
     * The store seqNo of the record's last write: the sort tie-breaker (doc values). Unique, and it only
     * changes when the record is written, which changes its {@code @timestamp} too; a number compares
     * far cheaper than the id would.
     */
    static final String SEQ = INTERNAL + "seq";
    /** {@code @timestamp} in epoch millis: points and doc values of one name, so sorted pages can skip. */
    static final String TIMESTAMP = INTERNAL + "ts";
    /** Each keyword path a record has a value for (one term per path): {@code exists}. */
    static final String PATHS = INTERNAL + "paths";
    /**
     * The keyword paths that keep doc values, so sorting on them reads no terms: identities, names,
     * types, sources and levels, what listings sort on. A sort on any other keyword path is still
     * correct, read from its terms ({@link TermsSortSource}); doc values for every path were a third of
     * the merge work and most of a refresh's fields.
     */
    static final Set<String> SORTABLE = Set.of(
            "entity.id", "entity.name", "entity.type", "entity.sub_type", "entity.source",
            "host.name", "host.hostname", "host.id", "user.name", "user.email", "user.id", "service.name",
            "asset.criticality", "entity.risk.calculated_level", "host.risk.calculated_level",
            "user.risk.calculated_level", "service.risk.calculated_level");
    /** Prefix of a field's numeric companion (JSON numbers: double points and doc values). */
    static final String NUMBER_PREFIX = INTERNAL + "n:";
    /** Prefix of a field's date companion (ISO-8601 strings: epoch-millis points and doc values). */
    static final String DATE_PREFIX = INTERNAL + "d:";

    private static final int KEY_BYTES = 16;
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    private IndexFields() {
    }

    /** space + NUL + id: a record's identity within one batch of changes. */
    static String key(String space, String id) {
        return space + '\u0000' + id;
    }

    /** The {@link #KEY} term of a record. */
    static BytesRef keyTerm(String space, String id) {
        byte[] digest = SHA_256.get().digest(key(space, id).getBytes(StandardCharsets.UTF_8));
        return new BytesRef(Arrays.copyOf(digest, KEY_BYTES));
    }

    static boolean isInternal(String field) {
        return field.startsWith(INTERNAL);
    }

    static String number(String field) {
        return NUMBER_PREFIX + field;
    }

    static String date(String field) {
        return DATE_PREFIX + field;
    }
}
