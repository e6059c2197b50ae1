package dev.entitystore.domain.resolution;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per space for the resolution writes of this process: links and unlinks of a space check and
 * write one after another. Fair, so a burst of automated links cannot starve an analyst's request.
 */
final class ResolutionTurns {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T inTurn(String space, Supplier<T> change) {
        ReentrantLock lock = locks.computeIfAbsent(space, s -> new ReentrantLock(true));
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }
}
