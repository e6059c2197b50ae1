package dev.entitystore.server.v2;

import dev.entitystore.domain.history.HistoryPage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A page of history in the answer's shape, {@code {"changes":[...],"nextSearchAfter":"<seq>"|null}}, each
 * change's JSON copied as the store handed it (the embedded store's stored text), not parsed and written again.
 */
final class HistoryAnswers {
    private static final byte[] CHANGES = "{\"changes\":[".getBytes(StandardCharsets.UTF_8);

    private HistoryAnswers() {
    }

    static byte[] page(HistoryPage page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 2_048 * page.entries().size());
        out.writeBytes(CHANGES);
        for (int i = 0; i < page.entries().size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(page.entries().get(i).json());
        }
        String next = page.next().map(seq -> "\"" + seq + "\"").orElse("null");
        out.writeBytes(("],\"nextSearchAfter\":" + next + "}").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
