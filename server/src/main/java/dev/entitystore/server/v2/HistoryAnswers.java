package dev.entitystore.server.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.HistoryPage;

/** A page of history in the answer's shape: {@code {"changes":[...],"nextSearchAfter":"<seq>"|null}}. */
final class HistoryAnswers {
    private HistoryAnswers() {
    }

    static ObjectNode toJson(HistoryPage page) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode changes = answer.putArray("changes");
        for (EntityChange change : page.changes()) {
            changes.add(change.toJson());
        }
        if (page.next().isPresent()) {
            answer.put("nextSearchAfter", Long.toString(page.next().get()));
        } else {
            answer.putNull("nextSearchAfter");
        }
        return answer;
    }
}
