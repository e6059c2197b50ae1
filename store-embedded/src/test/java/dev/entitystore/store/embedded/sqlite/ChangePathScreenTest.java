package dev.entitystore.store.embedded.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ChangePathScreen}: its SQL condition, run by SQLite over change texts written as the store writes
 * them, passes every change that touches a path (escaped keys included) and holds back those that cannot.
 */
class ChangePathScreenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void passes_a_change_whose_fields_hold_the_path_or_a_leaf_under_it_and_nothing_else() throws Exception {
        String change = update(Map.of("host.ip", "x", "a.bc", "y"));
        assertThat(passes(change, List.of("host.ip"))).isTrue();
        assertThat(passes(change, List.of("host"))).as("a leaf under host").isTrue();
        assertThat(passes(change, List.of("a.b"))).as("a.bc is not under a.b").isFalse();
        assertThat(passes(change, List.of("nothing", "a.bc"))).as("any of the paths").isTrue();
        assertThat(passes(change, List.of("ip"))).isFalse();
    }

    @Test
    void the_path_as_a_value_passes_the_screen_for_the_exact_check_to_drop() throws Exception {
        assertThat(passes(update(Map.of("note", "host.ip")), List.of("host.ip"))).isTrue();
    }

    @Test
    void keys_with_characters_json_escapes_are_looked_for_as_written() throws Exception {
        for (String path : List.of("we\"ird", "back\\slash", "tab\there", "ctl\u0001x", "del\u007fx", "é.ü")) {
            assertThat(passes(update(Map.of(path + ".leaf", 1)), List.of(path))).as("%s", path).isTrue();
            assertThat(passes(update(Map.of(path, 1)), List.of(path))).as("%s", path).isTrue();
            assertThat(passes(update(Map.of("other", 1)), List.of(path))).as("%s", path).isFalse();
        }
    }

    @Test
    void a_create_always_passes_its_record_being_nested() throws Exception {
        String create = "{\"seq\":3,\"op\":\"create\",\"_id\":\"x\",\"created\":{\"host\":{\"ip\":\"1\"}}}";
        assertThat(passes(create, List.of("host.ip"))).isTrue();
        assertThat(passes(create, List.of("nothing"))).isTrue();
    }

    @Test
    void many_paths_are_screened_through_one_array_parameter() throws Exception {
        List<String> many = List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10");
        assertThat(many.size()).isGreaterThan(ChangePathScreen.LISTED);
        assertThat(passes(update(Map.of("p9.x", 1)), many)).isTrue();
        assertThat(passes(update(Map.of("q", 1)), many)).isFalse();
        assertThat(passes(update(Map.of("q", "p10")), many)).as("as a value: passed on to the exact check").isTrue();
    }

    @Test
    void a_row_stored_compressed_passes_the_sql_screen_to_be_screened_once_unpacked() throws SQLException {
        ChangePathScreen screen = ChangePathScreen.of(List.of("host.ip"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            c.createStatement().execute("CREATE TABLE t (change TEXT)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                insert.setBytes(1, new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 1, 2, 3}); // no needle in it
                insert.execute();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM t WHERE " + screen.condition("change", 1))) {
                screen.bind(s, 1);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next() && rs.getInt(1) == 1).isTrue();
                }
            }
        }
    }

    @Test
    void no_paths_pass_everything() throws Exception {
        assertThat(passes(update(Map.of("q", 1)), List.of())).isTrue();
    }

    /** An update's stored text: the header, then {@code fields} with each path changed to {@code after}. */
    private static String update(Map<String, Object> after) throws Exception {
        ObjectNode change = JSON.createObjectNode().put("seq", 7).put("op", "update").put("_id", "x");
        ObjectNode fields = change.putObject("fields");
        after.forEach((path, value) -> fields.putObject(path).set("after", JSON.valueToTree(value)));
        return JSON.writeValueAsString(change);
    }

    /** The screen's condition evaluated by SQLite over {@code text} stored as the changes table stores it. */
    private static boolean passes(String text, List<String> paths) throws SQLException {
        ChangePathScreen screen = ChangePathScreen.of(paths);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (PreparedStatement create = c.prepareStatement("CREATE TABLE t (change TEXT)")) {
                create.execute();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (CAST(? AS TEXT))")) {
                insert.setBytes(1, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                insert.execute();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM t WHERE " + screen.condition("change", 1))) {
                screen.bind(s, 1);
                try (ResultSet rs = s.executeQuery()) {
                    boolean inSql = rs.next() && rs.getInt(1) == 1;
                    assertThat(screen.mayTouch(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            .as("the same screen on the text in hand (rows stored compressed)").isEqualTo(inSql);
                    return inSql;
                }
            }
        }
    }
}
