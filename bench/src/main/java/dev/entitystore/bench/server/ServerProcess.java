package dev.entitystore.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server jar run as a child process on loopback, the way an operator runs it: started on a
 * data directory with a free port, stopped with SIGTERM, or killed with SIGKILL as a crash would.
 *
 * <p>Its output is read by a thread of ours (a full pipe would block the server); the last lines are
 * kept for a failure message, and lines at ERROR level are counted.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+) .*started in (\\d+) ms");
    private static final int KEPT_LINES = 200;

    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final AtomicInteger errorLines = new AtomicInteger();
    private final CompletableFuture<Matcher> listening = new CompletableFuture<>();
    private final PrintWriter log;
    private volatile URI baseUri;
    private volatile long startMillis;

    private ServerProcess(Process process, PrintWriter log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::readOutput, "server-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java [jvmOptions] -jar jar --port 0 --data-dir dataDir [serverArgs]} with the
     * {@code ENTITY_STORE_*} variables of {@code environment} only (none inherited), and waits until it
     * listens.
     *
     * @param logFile where the server's lines go (appended), or null to keep only the last lines
     */
    public static ServerProcess start(Path jar, Path dataDir, List<String> jvmOptions, List<String> serverArgs,
                                      Map<String, String> environment, Path logFile, long timeoutSeconds) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no server jar at " + jar.toAbsolutePath()
                    + ": build it first (mvn -B -q -pl generated-api,domain,server -am package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--port", "0", "--data-dir", dataDir.toString()));
        command.addAll(serverArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("ENTITY_STORE_"));
        // The automated resolution's schedule off unless asked for: a run in the middle of a figure would skew it.
        builder.environment().put("ENTITY_STORE_RESOLUTION_INTERVAL", "off");
        // The service start's C heap in two glibc arenas (README, "Running it as a service").
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        ServerProcess server;
        try {
            PrintWriter log = null;
            if (logFile != null) {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
            }
            server = new ServerProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        server.awaitListening(timeoutSeconds);
        return server;
    }

    private void awaitListening(long timeoutSeconds) {
        try {
            Matcher matcher = listening.get(timeoutSeconds, TimeUnit.SECONDS);
            baseUri = URI.create("http://127.0.0.1:" + matcher.group(1));
            startMillis = Long.parseLong(matcher.group(2));
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not listen within " + timeoutSeconds + " s; last lines:\n" + tail());
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start (" + e.getMessage() + "); last lines:\n" + tail(), e);
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (log != null) {
                    log.println(line);
                }
                if (line.contains(" ERROR ")) {
                    errorLines.incrementAndGet();
                }
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                }
                Matcher matcher = LISTENING.matcher(line);
                if (!listening.isDone() && matcher.find()) {
                    listening.complete(matcher);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        } finally {
            if (log != null) {
                log.close();
            }
        }
        listening.completeExceptionally(new IllegalStateException("the server exited with " + exitCode()));
    }

    private String exitCode() {
        try {
            return String.valueOf(process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : "nothing yet");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return baseUri;
    }

    public long pid() {
        return process.pid();
    }

    /** Start-up time the server itself printed. */
    public long startMillis() {
        return startMillis;
    }

    public int errorLines() {
        return errorLines.get();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the server printed, for failure messages. */
    public String tail() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed — a crash as far as the store can tell. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(30);
    }

    /** SIGTERM, then waits for the clean stop (requests drained, store closed). */
    public void stop() {
        // Through the handle: Process.destroy() would also close our end of the output pipe.
        process.toHandle().destroy();
        if (!waitForExit(90)) {
            process.destroyForcibly();
            waitForExit(30);
            throw new IllegalStateException("the server did not stop within 90 s of SIGTERM; last lines:\n" + tail());
        }
    }

    private boolean waitForExit(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops it if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
