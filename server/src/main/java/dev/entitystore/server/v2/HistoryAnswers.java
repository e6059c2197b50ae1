package dev.entitystore.server.v2;

import dev.entitystore.domain.history.HistoryPage;
import dev.entitystore.server.history.ChangesJson;

/**
 * A page of history in the answer's shape, {@code {"changes":[...],"nextSearchAfter":"<seq>"|null}}, each
 * change's JSON copied as the store handed it (the embedded store's stored text), not parsed and written again.
 */
final class HistoryAnswers {
    private HistoryAnswers() {
    }

    static ChangesJson page(HistoryPage page) {
        String next = page.next().map(seq -> "\"" + seq + "\"").orElse("null");
        return ChangesJson.of(page.entries(), ",\"nextSearchAfter\":" + next);
    }
}
