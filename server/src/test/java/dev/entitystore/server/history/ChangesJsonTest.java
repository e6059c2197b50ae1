package dev.entitystore.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.FeedChange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The body of changes is written into the response with its length declared beforehand: the length must be the
 * bytes written, or a client would wait for bytes that never come or read a body cut short.
 */
class ChangesJsonTest {
    @Test
    void theDeclaredLengthIsTheBytesWrittenAndTheBodyIsTheChangesInOrder() throws Exception {
        ChangesJson body = ChangesJson.of(List.of(stored(3, "{\"seq\":3,\"v\":\"é 😀\"}"), stored(2, "{\"seq\":2}")),
                ",\"nextSearchAfter\":\"2\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.write(out);
        String expected = "{\"changes\":[{\"seq\":3,\"v\":\"é 😀\"},{\"seq\":2}],\"nextSearchAfter\":\"2\"}";
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(body.length()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length).isEqualTo(out.size());
        assertThat(body.toBytes()).isEqualTo(out.toByteArray());
    }

    @Test
    void anEmptyPageIsAnEmptyListWithItsLength() throws Exception {
        ChangesJson body = ChangesJson.of(List.of(), ",\"nextSearchAfter\":null");
        assertThat(new String(body.toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"changes\":[],\"nextSearchAfter\":null}");
        assertThat(body.length()).isEqualTo(body.toBytes().length);
    }

    private static FeedChange stored(long seq, String json) {
        return new FeedChange() {
            @Override
            public long seq() {
                return seq;
            }

            @Override
            public byte[] json() {
                return json.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public EntityChange change() {
                throw new AssertionError("a body of stored changes parses none");
            }
        };
    }
}
