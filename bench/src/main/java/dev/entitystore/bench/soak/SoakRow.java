package dev.entitystore.bench.soak;

/** One interval of a soak: answers in it (rate, latency, failures) and the server process at its end. */
public record SoakRow(long atSecond, long answers, double perSecond, double p50Ms, double p99Ms, double maxMs,
                      long failures, long serverErrors, ProcessSample process) {
}
