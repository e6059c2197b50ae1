package dev.entitystore.bench.scenario;

import dev.entitystore.bench.http.EntityStoreClient.Answer;
import java.net.http.HttpRequest;
import java.util.function.Predicate;

/**
 * One request of a scenario: its kind (the row it is reported under), how many entities it writes (for
 * entities/s), and what counts as success (a bulk answers 200 even when items failed).
 */
public record Operation(String kind, HttpRequest request, int entities, Predicate<Answer> succeeded) {

    /** Status recorded for a 200 whose bulk items did not all succeed. */
    public static final int ITEM_ERRORS = -2;

    public static Operation of(String kind, HttpRequest request, int entities) {
        return new Operation(kind, request, entities, answer -> answer.status() == 200 || answer.status() == 201);
    }

    /** The status to record for {@code answer}. */
    public int statusOf(Answer answer) {
        return succeeded.test(answer) ? answer.status() : answer.status() == 200 ? ITEM_ERRORS : answer.status();
    }
}
