package dev.entitystore.store.embedded.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.util.BytesRef;

/**
 * The dotted paths of a thread's records, each built once: a record names its fields by UTF-8 bytes, and
 * the records of one store share their few dozen paths, so the path of a name under a parent is looked up
 * here instead of concatenated, hashed and compared per value (and Lucene, which keeps a field per name,
 * then finds each field by the same string, whose hash is cached). What the index needs per path (its
 * {@code exists} term, its date and number companions, whether it keeps doc values) is kept with it.
 *
 * <p>Bounded: past {@value #MAX_PATHS} paths (records with keys of their own, such as maps keyed by id),
 * further paths are built per use and not kept. One instance per thread: not thread-safe.
 */
final class FieldPaths {
    static final int MAX_PATHS = 4_096;

    /** A path under which values are indexed. */
    static final class Path {
        final String name;
        final BytesRef term;
        final boolean sortable;
        final boolean timestamp;
        /** Whether the path is in the table; one past the bound, under such a path or named with escapes is built per use. */
        final boolean kept;
        private final Path parent;
        private final int id;
        private final byte[] key;
        private final int hash;
        private String dateField;
        private String numberField;
        /**
         * The last document (of this thread) that listed this path for {@code exists}; shared by the paths of
         * one name ({@code {"a":{"b":1}}} and {@code {"a.b":1}} both name {@code a.b}). Null for paths not kept.
         */
        private final long[] listedIn;

        private Path(Path parent, int id, byte[] key, int hash, String name, boolean kept, long[] listedIn) {
            this.parent = parent;
            this.id = id;
            this.key = key;
            this.hash = hash;
            this.name = name;
            this.kept = kept;
            this.listedIn = listedIn;
            this.term = name == null ? null : new BytesRef(name);
            this.sortable = name != null && IndexFields.SORTABLE.contains(name);
            this.timestamp = "@timestamp".equals(name);
        }

        String dateField() {
            if (dateField == null) {
                dateField = IndexFields.date(name);
            }
            return dateField;
        }

        String numberField() {
            if (numberField == null) {
                numberField = IndexFields.number(name);
            }
            return numberField;
        }

        /** True the first time it is asked for {@code document}: a kept path is listed once per document. */
        boolean firstIn(long document) {
            if (listedIn[0] == document) {
                return false;
            }
            listedIn[0] = document;
            return true;
        }

        private boolean is(Path parent, byte[] bytes, int from, int length) {
            return this.parent == parent && Arrays.equals(key, 0, key.length, bytes, from, from + length);
        }
    }

    /** The record itself: its fields' paths are their names. */
    final Path root = new Path(null, 0, new byte[0], 0, null, true, null);
    private final Map<String, long[]> listings = new HashMap<>();
    private Path[] table = new Path[256];
    private int size;

    /** The path of the field named by UTF-8 {@code bytes[from, from+length)} (no escapes) under {@code parent}. */
    Path child(Path parent, byte[] bytes, int from, int length) {
        if (!parent.kept) {
            return unkept(parent, new String(bytes, from, length, StandardCharsets.UTF_8));
        }
        int hash = hash(parent, bytes, from, length);
        int mask = table.length - 1;
        int slot = hash & mask;
        for (Path path = table[slot]; path != null; path = table[slot = (slot + 1) & mask]) {
            if (path.hash == hash && path.is(parent, bytes, from, length)) {
                return path;
            }
        }
        String name = new String(bytes, from, length, StandardCharsets.UTF_8);
        if (size >= MAX_PATHS) {
            return unkept(parent, name);
        }
        String joined = join(parent, name);
        Path path = new Path(parent, size + 1, Arrays.copyOfRange(bytes, from, from + length), hash, joined, true,
                listings.computeIfAbsent(joined, n -> new long[] {-1}));
        table[slot] = path;
        if (++size * 2 > table.length) {
            grow();
        }
        return path;
    }

    /** The path of a field whose name was written with escapes: built for this use only. */
    Path unkept(Path parent, String name) {
        return new Path(parent, -1, null, 0, join(parent, name), false, null);
    }

    private static String join(Path parent, String name) {
        return parent.name == null ? name : parent.name + "." + name;
    }

    private static int hash(Path parent, byte[] bytes, int from, int length) {
        int hash = parent.id;
        for (int i = from; i < from + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash ^ (hash >>> 16);
    }

    private void grow() {
        Path[] old = table;
        table = new Path[old.length * 2];
        int mask = table.length - 1;
        for (Path path : old) {
            if (path != null) {
                int slot = path.hash & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = path;
            }
        }
    }
}
