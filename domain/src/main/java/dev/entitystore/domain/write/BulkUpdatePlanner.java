package dev.entitystore.domain.write;

import dev.entitystore.domain.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Plans a v2 bulk update (product rules §3.10): every item is planned as an update, in order, before
 * anything is written. The first invalid item aborts the whole request; its exception carries the item's
 * 0-based position and keeps its class (a fields failure stays a fields failure). Otherwise the writes
 * come back in request order, duplicates of one entity included, to be applied in that order.
 */
public final class BulkUpdatePlanner {
    private final UpdatePlanner updatePlanner;

    public BulkUpdatePlanner(UpdatePlanner updatePlanner) {
        this.updatePlanner = Objects.requireNonNull(updatePlanner, "updatePlanner");
    }

    public List<PlannedWrite> plan(List<BulkItem> items, boolean force) {
        List<PlannedWrite> writes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            BulkItem item = items.get(i);
            try {
                writes.add(updatePlanner.plan(item.type(), item.doc(), force));
            } catch (InvalidRequestException e) {
                throw e.atItem(i);
            }
        }
        return writes;
    }
}
