package dev.entitystore.server.history;

import dev.entitystore.domain.history.FeedChange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A body that holds a list of changes ({@code {"changes":[...], ...}}), each change's JSON copied as the store
 * handed it (the embedded store's stored text), not parsed and written again.
 */
public final class ChangesJson {
    private static final byte[] CHANGES = "{\"changes\":[".getBytes(StandardCharsets.UTF_8);

    private ChangesJson() {
    }

    /** {@code {"changes":[<entries>]<rest>}}: {@code rest} is the body's remaining members, each after a comma. */
    public static byte[] body(List<FeedChange> entries, String rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 2_048 * entries.size());
        out.writeBytes(CHANGES);
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(entries.get(i).json());
        }
        out.writeBytes(("]" + rest + "}").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
