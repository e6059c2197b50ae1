package dev.entitystore.domain.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.document.Unflattener;
import dev.entitystore.domain.store.EntityStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds a record as it was at a time, from whichever full state of it is fewer changes away: the
 * record as it is now, undoing every change made since; the create it last had by then (a create's
 * change holds the whole record), replaying the changes after it; or a state the store kept beside one of
 * its changes ({@link EntityHistory#keptState}), replaying the changes after that. Versions count changes
 * (+1 per write from 1 at a create), so the distances are known before any walk. A create that retention
 * pruned, or a record older than its history, has no such start: then the record is rebuilt from now.
 */
final class RecordAsOf {
    /** How many changes one read of the log brings. */
    private static final int PAGE = 1_000;

    private final EntityStore store;
    private final EntityHistory history;

    RecordAsOf(EntityStore store, EntityHistory history) {
        this.store = store;
        this.history = history;
    }

    /**
     * The record at {@code atMillis}, flattened leaves unflattened.
     *
     * @param last the record's newest change at or before {@code atMillis}, not a delete
     */
    ObjectNode at(String space, String id, EntityChange last, long atMillis) {
        long sinceCreate = last.op() == ChangeOp.CREATE ? 0 : last.version() - 1;
        List<EntityChange> newest = history.changes(space, id, HistoryQuery.newest(1)).changes();
        long untilNow = newest.isEmpty() || newest.get(0).version() < last.version() ? Long.MAX_VALUE
                : newest.get(0).version() - last.version();
        Map<String, JsonNode> state = null;
        long nearest = Math.min(sinceCreate, untilNow);
        if (nearest > 0) {
            // only a kept state strictly nearer than both ends is worth its replay
            state = replayedFromKept(space, id, last, (int) Math.min(Integer.MAX_VALUE, nearest - 1)).orElse(null);
        }
        if (state == null && sinceCreate < untilNow) {
            state = replayedFromCreate(space, id, last, sinceCreate).orElse(null);
        }
        if (state == null) {
            state = undoneFromNow(space, id, atMillis);
        }
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        state.forEach(flat::set);
        return Unflattener.unflatten(flat);
    }

    /** The record now, each change made after {@code atMillis} undone, newest first. */
    private Map<String, JsonNode> undoneFromNow(String space, String id, long atMillis) {
        Map<String, JsonNode> state = store.get(space, id).map(s -> FieldChanges.leaves(s.source()))
                .orElseGet(LinkedHashMap::new);
        HistoryQuery after = new HistoryQuery(null, PAGE, atMillis + 1, null, List.of());
        while (true) {
            HistoryPage page = history.changes(space, id, after);
            for (EntityChange change : page.changes()) {
                FieldChanges.undo(change.fields(), state);
            }
            if (page.next().isEmpty()) {
                return state;
            }
            after = after.before(page.next().get(), PAGE);
        }
    }

    /**
     * The state kept at most {@code maxBack} changes back from {@code last}, each change after it up to
     * {@code last} redone, oldest first; empty when there is none, or the changes between are not all there.
     */
    private Optional<Map<String, JsonNode>> replayedFromKept(String space, String id, EntityChange last, int maxBack) {
        Optional<KeptState> kept = history.keptState(space, id, last.seq(), maxBack);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        long after = last.version() - kept.get().version(); // changes to redo, last's included
        List<EntityChange> redo = new ArrayList<>();
        if (after > 0) {
            redo.add(last);
        }
        if (after > 1) {
            int size = (int) (after - 1);
            redo.addAll(history.changes(space, id, HistoryQuery.newest(size).before(last.seq(), size)).changes());
        }
        if (redo.size() != after || (after > 0 && redo.get(redo.size() - 1).version() != kept.get().version() + 1)) {
            return Optional.empty(); // versions did not go up by one from the state to last: not a replay
        }
        Map<String, JsonNode> state = FieldChanges.leaves(kept.get().source());
        for (int i = redo.size() - 1; i >= 0; i--) {
            FieldChanges.redo(redo.get(i).fields(), state);
        }
        return Optional.of(state);
    }

    /**
     * The record as its last create left it, each change from then to {@code last} redone, oldest first;
     * empty when the walk back from {@code last} finds no create.
     */
    private Optional<Map<String, JsonNode>> replayedFromCreate(String space, String id, EntityChange last, long sinceCreate) {
        List<EntityChange> back = new ArrayList<>();
        back.add(last);
        // The create is sinceCreate changes back (if versions went up by one): no walk past it.
        int size = (int) Math.max(1, Math.min(PAGE, sinceCreate));
        HistoryQuery older = HistoryQuery.newest(size).before(last.seq(), size);
        while (back.get(back.size() - 1).op() != ChangeOp.CREATE) {
            HistoryPage page = history.changes(space, id, older);
            for (EntityChange change : page.changes()) {
                back.add(change);
                if (change.op() == ChangeOp.CREATE) {
                    break;
                }
            }
            if (back.get(back.size() - 1).op() != ChangeOp.CREATE) {
                if (page.next().isEmpty()) {
                    return Optional.empty();
                }
                older = older.before(page.next().get(), size);
            }
        }
        Map<String, JsonNode> state = new LinkedHashMap<>();
        for (int i = back.size() - 1; i >= 0; i--) {
            FieldChanges.redo(back.get(i).fields(), state);
        }
        return Optional.of(state);
    }
}
