package dev.entitystore.store.embedded.sqlite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A look at a stored change's bytes, before it is parsed, for whether it can touch any of a history
 * filter's {@code fields}: a change touches a path when its {@code fields} holds the path itself or a leaf
 * under it, so its JSON then holds the key {@code "path"} or one starting {@code "path.}. Bytes with
 * neither cannot match and are passed over unparsed; bytes with one are parsed and checked exactly (the
 * text may sit in a value). A create keeps the record it created, nested rather than flattened, so it is
 * always parsed, and so is every change when a path holds a character JSON would escape.
 */
final class ChangePathScreen {
    private static final ChangePathScreen ALL = new ChangePathScreen(List.of());
    private static final byte[] CREATED = ",\"created\":".getBytes(StandardCharsets.UTF_8);

    /** Per path, its key quoted ({@code "p"}) and its prefix ({@code "p.}). */
    private final List<byte[]> needles;

    private ChangePathScreen(List<byte[]> needles) {
        this.needles = needles;
    }

    /** The screen for {@code paths}; for no paths, or one JSON would escape, one that lets everything through. */
    static ChangePathScreen of(List<String> paths) {
        List<byte[]> needles = new ArrayList<>();
        for (String path : paths) {
            if (!plain(path)) {
                return ALL;
            }
            needles.add(("\"" + path + "\"").getBytes(StandardCharsets.UTF_8));
            needles.add(("\"" + path + ".").getBytes(StandardCharsets.UTF_8));
        }
        return needles.isEmpty() ? ALL : new ChangePathScreen(needles);
    }

    /** False only when the change surely touches none of the paths. */
    boolean mayTouch(byte[] json) {
        if (needles.isEmpty() || contains(json, CREATED)) {
            return true;
        }
        for (byte[] needle : needles) {
            if (contains(json, needle)) {
                return true;
            }
        }
        return false;
    }

    /** Written by Jackson as it is: no quote, backslash or control character (non-ASCII stays raw UTF-8). */
    private static boolean plain(String path) {
        for (int i = 0; i < path.length(); i++) {
            char ch = path.charAt(i);
            if (ch < 0x20 || ch == '"' || ch == '\\' || ch == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            int j = 1;
            while (j < needle.length && haystack[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return true;
            }
        }
        return false;
    }
}
