package dev.entitystore.domain.resolution.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.EntityStore;
import java.time.Clock;
import java.util.Optional;

/**
 * The automated-resolution maintainer's state in each space, kept as two settings of the space so that a run
 * recording its outcome never overwrites a start or stop made meanwhile: whether it is stopped there
 * ({@code maintainer:automated-resolution:status}), and its run count with the time of its last success and
 * last error ({@code ...:runs}). An installed space whose maintainer was never stopped runs it.
 */
public final class MaintainerStates {
    public static final String MAINTAINER = "automated-resolution";
    private static final String STATUS = "maintainer:" + MAINTAINER + ":status";
    private static final String RUNS = "maintainer:" + MAINTAINER + ":runs";

    /** What {@link #runs} reports: how many runs, and when the last one succeeded or failed (ISO 8601, or null). */
    public record Runs(long count, String lastSuccess, String lastError) {
    }

    private final EntityStore store;
    private final Clock clock;

    public MaintainerStates(EntityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public boolean stopped(String space) {
        return store.getSetting(space, STATUS).map(s -> "stopped".equals(s.path("status").asText())).orElse(false);
    }

    public void setStarted(String space, boolean started) {
        store.putSetting(space, STATUS, JsonNodeFactory.instance.objectNode().put("status", started ? "started" : "stopped"));
    }

    public Runs runs(String space) {
        Optional<ObjectNode> runs = store.getSetting(space, RUNS);
        return new Runs(runs.map(r -> r.path("count").asLong()).orElse(0L), text(runs, "last_success"), text(runs, "last_error"));
    }

    /** Counts a run of the space that ended now, successful or not. */
    void recordRun(String space, boolean succeeded) {
        Runs before = runs(space);
        String now = clock.instant().toString();
        ObjectNode after = JsonNodeFactory.instance.objectNode().put("count", before.count() + 1)
                .put("last_success", succeeded ? now : before.lastSuccess())
                .put("last_error", succeeded ? before.lastError() : now);
        store.putSetting(space, RUNS, after);
    }

    private static String text(Optional<ObjectNode> runs, String field) {
        JsonNode value = runs.map(r -> r.path(field)).orElse(null);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
