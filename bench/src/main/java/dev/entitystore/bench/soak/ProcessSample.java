package dev.entitystore.bench.soak;

/**
 * One look at the server process: heap used and old generation used (MB, -1 when jstat cannot read
 * the JVM), resident memory (MB), open descriptors (all, and those that are not sockets), threads, and
 * when its embedded data directory is known, its size and the SQLite WAL's (MB, else -1).
 */
public record ProcessSample(long heapMb, long oldGenMb, long rssMb, int fds, int fileFds, int threads,
                            long dataMb, long walMb) {
}
