package dev.entitystore.bench.figure;

import dev.entitystore.bench.server.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The servers a figure runs against: one, or several on one OpenSearch cluster (same index prefix), each
 * on its own free port with its own log ({@code <data dir>-server.log}, {@code -server-2.log}, ...).
 */
final class Servers implements AutoCloseable {
    private final List<ServerProcess> processes;

    private Servers(List<ServerProcess> processes) {
        this.processes = processes;
    }

    static Servers start(int count, Path jar, Path dataDir, List<String> jvm, Map<String, String> environment) {
        List<ServerProcess> started = new ArrayList<>();
        try {
            for (int n = 1; n <= count; n++) {
                String log = dataDir.getFileName() + "-server" + (n == 1 ? "" : "-" + n) + ".log";
                started.add(ServerProcess.start(jar, dataDir, jvm, List.of(), environment, dataDir.resolveSibling(log), 1_800));
            }
        } catch (RuntimeException e) {
            started.forEach(ServerProcess::close);
            throw e;
        }
        return new Servers(List.copyOf(started));
    }

    ServerProcess first() {
        return processes.get(0);
    }

    List<URI> baseUris() {
        return processes.stream().map(ServerProcess::baseUri).toList();
    }

    /** CPU time of all the servers so far. */
    Duration cpu() {
        Duration total = Duration.ZERO;
        for (ServerProcess process : processes) {
            total = total.plus(Figure.cpu(ProcessHandle.of(process.pid())));
        }
        return total;
    }

    /** Stops every server (SIGTERM), the first failure thrown after all were asked. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (ServerProcess process : processes) {
            try {
                process.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
