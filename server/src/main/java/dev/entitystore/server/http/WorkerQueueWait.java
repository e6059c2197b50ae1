package dev.entitystore.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.grizzly.threadpool.AbstractThreadPool;
import org.glassfish.grizzly.threadpool.ThreadPoolProbe;

/**
 * How long the request a worker thread serves waited in Grizzly's queue for that thread. The request threads
 * block until a write is searchable, so when writes arrive faster than they are made searchable they queue
 * here, before any of our code runs, where no count of the store's reaches them ({@link QueueWaitShedding}
 * reads this). Grizzly queues a task on the selector thread and takes it off on the worker that then runs
 * it, so the wait is kept per worker thread from the dequeue to the next one.
 */
public final class WorkerQueueWait extends ThreadPoolProbe.Adapter {
    private static final ThreadLocal<long[]> WAITED_NANOS = ThreadLocal.withInitial(() -> new long[1]);

    /** Tasks are Grizzly's own runnables, compared by identity. */
    private final Map<Runnable, Long> queuedAt = new ConcurrentHashMap<>();

    @Override
    public void onTaskQueueEvent(AbstractThreadPool threadPool, Runnable task) {
        queuedAt.put(task, System.nanoTime());
    }

    @Override
    public void onTaskDequeueEvent(AbstractThreadPool threadPool, Runnable task) {
        Long at = queuedAt.remove(task);
        WAITED_NANOS.get()[0] = at == null ? 0 : System.nanoTime() - at;
    }

    @Override
    public void onTaskCancelEvent(AbstractThreadPool threadPool, Runnable task) {
        queuedAt.remove(task);
    }

    /** The queue wait of the task this thread runs now, in milliseconds (0 off a worker thread). */
    public static long waitedMillis() {
        return WAITED_NANOS.get()[0] / 1_000_000;
    }

    /** Sets this thread's wait as the probe would (tests). */
    static void waited(long nanos) {
        WAITED_NANOS.get()[0] = nanos;
    }
}
