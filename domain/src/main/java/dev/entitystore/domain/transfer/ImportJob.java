package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An import job's progress: its status, counts, the first {@value #MAX_ERRORS} line errors and the line it
 * has reached. Kept as a space setting ({@code import-job:<id>}) so that it outlives the process; one
 * thread writes it, readers get snapshots.
 */
public final class ImportJob {
    static final int MAX_ERRORS = 100;
    static final String SETTING_PREFIX = "import-job:";

    public enum Status { RUNNING, DONE, FAILED }

    private final String id;
    private final boolean dryRun;
    private Status status = Status.RUNNING;
    private long processed;
    private long created;
    private long updated;
    private long unmatched;
    private long failedLines;
    private long reachedLine;
    private String reason;
    private final ArrayNode errors = JsonNodeFactory.instance.arrayNode();

    ImportJob(String id, boolean dryRun) {
        this.id = id;
        this.dryRun = dryRun;
    }

    public String id() {
        return id;
    }

    static String settingKey(String id) {
        return SETTING_PREFIX + id;
    }

    synchronized void reached(long line) {
        reachedLine = line;
    }

    synchronized void created() {
        processed++;
        created++;
    }

    synchronized void updated() {
        processed++;
        updated++;
    }

    synchronized void unmatched() {
        processed++;
        unmatched++;
    }

    synchronized void failed(long line, String why) {
        processed++;
        failedLines++;
        if (errors.size() < MAX_ERRORS) {
            errors.addObject().put("line", line).put("reason", why);
        }
    }

    synchronized void finish() {
        status = Status.DONE;
    }

    synchronized void abort(String why) {
        status = Status.FAILED;
        reason = why + " (at line " + reachedLine + ")";
    }

    public synchronized ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("job_id", id);
        json.put("status", status.name().toLowerCase());
        json.put("dry_run", dryRun);
        json.put("processed", processed);
        json.put("created", created);
        json.put("updated", updated);
        json.put("unmatched", unmatched);
        json.put("failed_lines", failedLines);
        json.set("errors", errors.deepCopy());
        json.put("line", reachedLine);
        if (reason != null) {
            json.put("reason", reason);
        }
        return json;
    }

    /**
     * A job read back from its setting by a process that does not run it: if it says running, the process
     * that ran it stopped, and it failed at the line it had reached.
     */
    static ObjectNode orphaned(ObjectNode stored) {
        ObjectNode json = stored.deepCopy();
        if ("running".equals(json.path("status").asText())) {
            json.put("status", "failed");
            json.put("reason", "The server stopped while the job ran (at line " + json.path("line").asLong() + ")");
        }
        return json;
    }

    /** The answer's shape: the stored progress without our bookkeeping. */
    static ObjectNode answer(JsonNode json) {
        ObjectNode answer = ((ObjectNode) json).deepCopy();
        answer.remove("line");
        return answer;
    }
}
