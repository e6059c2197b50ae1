package dev.entitystore.domain.write;

import java.util.ArrayList;
import java.util.List;

/**
 * The version a conditional write expects, from HTTP's {@code If-Match} / {@code If-None-Match}: entity tags
 * are the entity's version ({@code "3"}; a weak {@code W/"3"} compares the same), {@code *} any version.
 */
public final class Precondition {
    private static final Precondition NONE = new Precondition(null, false);

    private final String header;
    private final boolean noneMatch;

    private Precondition(String header, boolean noneMatch) {
        this.header = header;
        this.noneMatch = noneMatch;
    }

    /** No condition: the write behaves as without headers. */
    public static Precondition none() {
        return NONE;
    }

    /** {@code If-Match} as sent, or none when {@code header} is null. */
    public static Precondition ifMatch(String header) {
        return header == null ? NONE : new Precondition(header.strip(), false);
    }

    /** {@code If-None-Match} as sent, or none when {@code header} is null. */
    public static Precondition ifNoneMatch(String header) {
        return header == null ? NONE : new Precondition(header.strip(), true);
    }

    public boolean isNone() {
        return header == null;
    }

    /** Whether the condition holds for an entity stored at {@code version}. */
    public boolean holdsFor(long version) {
        if (header == null) {
            return true;
        }
        boolean listed = header.equals("*") || tags().contains(Long.toString(version));
        return noneMatch != listed;
    }

    /** The header as sent, for the answer's message. */
    public String header() {
        return header;
    }

    /** The listed tags without quotes or weakness marks. */
    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            tags.add(t);
        }
        return tags;
    }

    /** The entity tag of a version, as answered in {@code ETag}. */
    public static String entityTag(long version) {
        return "\"" + version + "\"";
    }
}
