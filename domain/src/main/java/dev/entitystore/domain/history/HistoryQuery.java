package dev.entitystore.domain.history;

import java.util.List;

/**
 * Which changes of one record to read, newest first.
 *
 * @param beforeSeq  only changes older than this seq (the cursor), or null from the newest
 * @param size       at most this many
 * @param fromMillis only changes at or after this time, or null
 * @param toMillis   only changes at or before this time, or null
 * @param fields     only changes touching one of these paths (or a leaf under one); empty for all
 */
public record HistoryQuery(Long beforeSeq, int size, Long fromMillis, Long toMillis, List<String> fields) {
    public HistoryQuery {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1");
        }
        fields = List.copyOf(fields);
    }

    /** The newest {@code size} changes, unfiltered. */
    public static HistoryQuery newest(int size) {
        return new HistoryQuery(null, size, null, null, List.of());
    }

    /** Whether a change passes the time and field filters (the cursor is the store's to apply). */
    public boolean matches(EntityChange change) {
        return (fromMillis == null || change.timeMillis() >= fromMillis)
                && (toMillis == null || change.timeMillis() <= toMillis)
                && (fields.isEmpty() || FieldChanges.touches(change.fields(), fields));
    }

    /** The same filters, from an older cursor on. */
    public HistoryQuery before(long seq, int newSize) {
        return new HistoryQuery(seq, newSize, fromMillis, toMillis, fields);
    }
}
