package dev.entitystore.store.embedded.sqlite;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A look at a stored change's text, inside SQLite, for whether it can touch any of a history filter's
 * {@code fields}: a change touches a path when its {@code fields} holds the path itself or a leaf under it,
 * so its JSON then holds the key {@code "path"} or one starting {@code "path.} (the path as the stored text
 * writes it, escapes included). A row with neither cannot match and never leaves SQLite; a row with one is
 * parsed and checked exactly (the text may sit in a value). A create keeps the record it created, nested
 * rather than flattened, so it always passes; so does a change stored compressed ({@link PackedText}).
 *
 * <p>The screen is an SQL condition over the change column ({@link #condition}) whose needles are bound as
 * parameters ({@link #bind}): up to {@value #LISTED} paths as one {@code instr} each, more through one JSON
 * array parameter, so each count of paths is one statement of the read connection's cache.
 */
final class ChangePathScreen {
    private static final ChangePathScreen ALL = new ChangePathScreen(List.of());
    /** The key a create's record is kept under: such a row is always parsed. */
    static final String CREATED = ",\"created\":";
    private static final byte[] CREATED_BYTES = CREATED.getBytes(StandardCharsets.UTF_8);
    /** Paths screened with one {@code instr} per needle; past this many, the needles are one JSON array. */
    static final int LISTED = 4;

    /** Per path, its key quoted ({@code "p"}) and its prefix ({@code "p.}), as the stored text writes them. */
    private final List<String> needles;

    private final List<byte[]> needleBytes;

    private ChangePathScreen(List<String> needles) {
        this.needles = needles;
        this.needleBytes = needles.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The screen for {@code paths}; for none, one that lets everything through. */
    static ChangePathScreen of(List<String> paths) {
        List<String> needles = new ArrayList<>();
        for (String path : paths) {
            if (hasSurrogate(path)) {
                return ALL; // not screened (a lone one has no UTF-8 form to look for): every change is parsed
            }
            String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(path));
            needles.add("\"" + quoted + "\"");
            needles.add("\"" + quoted + ".");
        }
        return needles.isEmpty() ? ALL : new ChangePathScreen(needles);
    }

    /** Whether the screen lets every row through (no paths asked). */
    boolean all() {
        return needles.isEmpty();
    }

    /**
     * The SQL condition, true when the change text in {@code column} may touch a path; its parameters are
     * numbered from {@code firstParameter} ({@code ?N}) and bound by {@link #bind}.
     */
    String condition(String column, int firstParameter) {
        if (needles.isEmpty()) {
            return "1";
        }
        // A compressed row (PackedText) cannot be searched here: it passes, and is checked once unpacked.
        StringBuilder sql = new StringBuilder("(typeof(").append(column).append(") = 'blob' OR instr(")
                .append(column).append(", '").append(CREATED).append("') > 0");
        if (needles.size() <= 2 * LISTED) {
            for (int i = 0; i < needles.size(); i++) {
                sql.append(" OR instr(").append(column).append(", ?").append(firstParameter + i).append(") > 0");
            }
        } else {
            sql.append(" OR EXISTS (SELECT 1 FROM json_each(?").append(firstParameter).append(") n WHERE instr(")
                    .append(column).append(", n.value) > 0)");
        }
        return sql.append(')').toString();
    }

    /**
     * {@link #condition} on a change's JSON in hand: for rows SQLite could not look into (stored compressed),
     * so that they too are parsed only when they may touch a path.
     */
    boolean mayTouch(byte[] json) {
        if (needles.isEmpty() || StoredBytes.indexOf(json, CREATED_BYTES) >= 0) {
            return true;
        }
        for (byte[] needle : needleBytes) {
            if (StoredBytes.indexOf(json, needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Binds the needles of {@link #condition} from {@code firstParameter} on. */
    void bind(PreparedStatement statement, int firstParameter) throws SQLException {
        if (needles.isEmpty()) {
            return;
        }
        if (needles.size() <= 2 * LISTED) {
            for (int i = 0; i < needles.size(); i++) {
                statement.setString(firstParameter + i, needles.get(i));
            }
        } else {
            statement.setString(firstParameter, JsonCodec.writeStrings(needles));
        }
    }

    private static boolean hasSurrogate(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (Character.isSurrogate(path.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
