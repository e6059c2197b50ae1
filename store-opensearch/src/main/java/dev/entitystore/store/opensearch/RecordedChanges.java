package dev.entitystore.store.opensearch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which carried changes this process knows to be in the changes index (it wrote them, or found them there),
 * and which it has queued to write ({@link ChangeRecorder}): a bounded memory, the least recently used
 * forgotten first. Forgetting costs only a change written again
 * (found there, left as it is) or a realtime read; knowing is never wrong, since a change once written
 * stays until retention removes it, and then a newer one of its record is there.
 */
final class RecordedChanges {
    private static final int REMEMBERED = 65_536;

    private final Map<String, Boolean> known = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    synchronized void addAll(List<CarriedChange> changes) {
        for (CarriedChange change : changes) {
            known.put(change.nonce(), Boolean.TRUE);
        }
    }

    /** Queued to be written by this process, after every change it queued before. */
    synchronized void pending(List<CarriedChange> changes) {
        for (CarriedChange change : changes) {
            known.putIfAbsent(change.nonce(), Boolean.FALSE);
        }
    }

    /** Queued but not written after all. */
    synchronized void notPending(List<CarriedChange> changes) {
        for (CarriedChange change : changes) {
            known.remove(change.nonce(), Boolean.FALSE);
        }
    }

    synchronized boolean isPending(CarriedChange change) {
        return Boolean.FALSE.equals(known.get(change.nonce()));
    }

    /**
     * The position after the newest change of {@code carried} (oldest first) known to be written: every change
     * before a written one was written before it. {@code carried.size()} when the newest is known.
     */
    synchronized int firstUnknown(List<CarriedChange> carried) {
        for (int i = carried.size() - 1; i >= 0; i--) {
            if (Boolean.TRUE.equals(known.get(carried.get(i).nonce()))) {
                return i + 1;
            }
        }
        return 0;
    }
}
