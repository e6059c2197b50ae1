package dev.entitystore.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Samples a server process from outside, without touching its code: resident memory and threads from
 * {@code /proc/<pid>/status}, descriptors from {@code /proc/<pid>/fd}, heap from {@code jstat -gc}.
 *
 * <p>Why jstat: it reads the counters HotSpot publishes in its perf-data file (hsperfdata), so nothing
 * runs inside the server (jcmd and JMX attach a thread to it) and the server needs no metrics endpoint.
 * Linux only, same user as the server.
 */
public final class ProcessSampler {
    private static final String WAL = "entity-store.db-wal";
    private final long pid;
    private final Path dataDir;
    private final Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");

    /** @param dataDir the embedded store's data directory, or null (another backend, another machine) */
    public ProcessSampler(long pid, Path dataDir) {
        this.pid = pid;
        this.dataDir = dataDir;
    }

    public ProcessSample sample() {
        long[] heap = heap();
        return new ProcessSample(heap[0], heap[1], statusValue("VmRSS:") / 1024, fds(false), fds(true),
                (int) statusValue("Threads:"), dataDir == null ? -1 : sizeOf(dataDir) >> 20,
                dataDir == null ? -1 : sizeOf(dataDir.resolve(WAL)) >> 20);
    }

    private static long sizeOf(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // deleted while walking (a merged index segment)
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    private long statusValue(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private int fds(boolean filesOnly) {
        try (Stream<Path> entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) entries.filter(fd -> !filesOnly || !isSocket(fd)).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isSocket(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("socket:") || target.startsWith("anon_inode:") || target.startsWith("pipe:");
        } catch (IOException e) {
            return false; // closed between list and read
        }
    }

    /** {heap used, old generation used} in MB from {@code jstat -gc}, or -1s. */
    private long[] heap() {
        try {
            Process process = new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return new long[] {-1, -1};
            }
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            List<String> header = List.of(lines.get(0).trim().split("\\s+"));
            String[] values = lines.get(1).trim().split("\\s+");
            double used = 0;
            for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                used += Double.parseDouble(values[header.indexOf(column)]);
            }
            double old = Double.parseDouble(values[header.indexOf("OU")]);
            return new long[] {Math.round(used / 1024), Math.round(old / 1024)};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new long[] {-1, -1};
        }
    }
}
