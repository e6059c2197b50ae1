package dev.entitystore.store.embedded.search;

/**
 * Names of the index's own fields. They start with {@code \u0001}, which no JSON path of a record uses
 * in practice, so they can never collide with a record's fields; record fields keep their dotted path.
 */
final class IndexFields {
    private static final String INTERNAL = "\u0001";

    /** space + NUL + id: the unit of update and delete. */
    static final String KEY = INTERNAL + "key";
    /** The space, for filtering every search and deleting a space. */
    static final String SPACE = INTERNAL + "space";
    /** The {@code _id}: stored and searchable ({@code ids}). */
    static final String ID = INTERNAL + "id";
    /**
     * The store seqNo of the record's last write: the sort tie-breaker (doc values). Unique, and it only
     * changes when the record is written, which changes its {@code @timestamp} too; a number compares
     * far cheaper than the id would.
     */
    static final String SEQ = INTERNAL + "seq";
    /** {@code @timestamp} in epoch millis: points and doc values of one name, so sorted pages can skip. */
    static final String TIMESTAMP = INTERNAL + "ts";
    /** The record as stored (JSON bytes). */
    static final String SOURCE = INTERNAL + "source";
    /** Prefix of a field's numeric companion (JSON numbers: double points and doc values). */
    static final String NUMBER_PREFIX = INTERNAL + "n:";
    /** Prefix of a field's date companion (ISO-8601 strings: epoch-millis points and doc values). */
    static final String DATE_PREFIX = INTERNAL + "d:";

    private IndexFields() {
    }

    static String key(String space, String id) {
        return space + '\u0000' + id;
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
