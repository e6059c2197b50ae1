package dev.entitystore.bench.figure;

import dev.entitystore.bench.cli.Options;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.prefill.HttpPrefill;
import dev.entitystore.bench.prefill.StorePrefill;
import dev.entitystore.bench.records.Population;
import dev.entitystore.bench.scenario.Operations;
import dev.entitystore.bench.scenario.ResolutionGroupProbe;
import dev.entitystore.bench.scenario.ResolutionLinkProbe;
import dev.entitystore.bench.scenario.Scenarios;
import dev.entitystore.bench.scenario.TransferFigures;
import dev.entitystore.bench.scenario.FeedLag;
import dev.entitystore.bench.scenario.HistoryProbe;
import dev.entitystore.bench.scenario.VisibilityProbe;
import dev.entitystore.bench.soak.ProcessSample;
import dev.entitystore.bench.soak.ProcessSampler;
import dev.entitystore.bench.soak.Soak;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One product rules §8 figure from nothing: pre-fills a data directory if it is not there yet, starts the server
 * jar on it on loopback (with the README's service start's JVM options, {@link #SERVICE_JVM}), runs the figure's
 * scenario, prints the server's memory, and stops the server. {@code bench/figure.sh NAME} builds first when needed and calls this.
 * <pre>
 * Figure NAME [--entities N] [--data-root bench-data] [--jar server/target/entity-store-server.jar]
 *             [--backend sqlite|opensearch --opensearch-url URL [--opensearch-index-prefix P] [--servers N]]
 *             [--seconds S] [--rate R]
 * </pre>
 * With the OpenSearch backend the pre-fill goes through the server's create route instead, and
 * {@code --servers N} starts N servers on the cluster, the load going to each in turn.
 */
public final class Figure {
    private static final String PREFILLED = "prefilled";
    /** The README's service start ("Running it as a service"), without the class-data archive. */
    static final String SERVICE_JVM =
            "-Xmx256m -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1 -XX:MetaspaceSize=64m";

    private Figure() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String name = options.positional(0, "figure name: one of " + FigureSpec.ALL.keySet());
        FigureSpec spec = FigureSpec.ALL.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown figure " + name + ": one of " + FigureSpec.ALL.keySet());
        }
        String backend = options.text("backend", "sqlite");
        Population population = Population.of(spec.types(), options.integer("entities", spec.entities()));
        Path dataDir = Path.of(options.text("data-root", "bench-data"), backend + "-" + spec.types() + "-" + population.size());
        Path jar = Path.of(options.text("jar", "server/target/entity-store-server.jar"));
        Map<String, String> environment = new HashMap<>();
        environment.put("ENTITY_STORE_BACKEND", backend);
        if (options.has("opensearch-url")) {
            environment.put("ENTITY_STORE_OPENSEARCH_URL", options.text("opensearch-url", ""));
        }
        if (options.has("opensearch-index-prefix")) {
            // a cluster shared with other work: the figure's indices under a prefix of its own
            environment.put("ENTITY_STORE_OPENSEARCH_INDEX_PREFIX", options.text("opensearch-index-prefix", ""));
        }
        System.out.printf("figure %s: %s%n", name, spec.what());
        boolean embedded = "sqlite".equals(backend);
        if (embedded && !Files.exists(dataDir.resolve(PREFILLED))) {
            StorePrefill.run(dataDir, population);
            Files.writeString(dataDir.resolve(PREFILLED), population.size() + " " + spec.types() + "\n");
        }
        Files.createDirectories(dataDir);
        System.out.println("starting the server on " + dataDir + " (the first start on a pre-filled store builds its search index)");
        // The server's JVM options, space-separated (--server-jvm "-Xmx512m" to try another heap); by default the README's service
        // start (heap, and C1 only: docs/decisions.md says why).
        List<String> jvm = List.of(options.text("server-jvm", SERVICE_JVM).trim().split("\\s+"));
        System.out.println("server JVM options: " + String.join(" ", jvm));
        int count = options.integer("servers", 1);
        if (count < 1 || count > 1 && embedded) {
            throw new IllegalArgumentException("--servers " + count + ": 1, or more on the OpenSearch backend only"
                    + " (an embedded data directory is one server's)");
        }
        long failed;
        try (Servers servers = Servers.start(count, jar, dataDir, jvm, environment)) {
            EntityStoreClient client = new EntityStoreClient(servers.baseUris(), null);
            if (!embedded && !Files.exists(dataDir.resolve(PREFILLED))) {
                if ("import".equals(options.text("prefill-via", "creates"))) {
                    HttpPrefill.runImport(client, population,
                            dataDir.resolveSibling(dataDir.getFileName() + "-prefill.ndjson"));
                } else {
                    // Each create waits for the index refresh (~100 ms on OpenSearch): many clients, or it takes hours.
                    HttpPrefill.run(client, population, options.integer("prefill-clients", 64));
                }
                Files.writeString(dataDir.resolve(PREFILLED), population.size() + " " + spec.types() + "\n");
            }
            // The process sampler looks at the first server (with several, they all do the same work).
            ProcessSampler sampler = new ProcessSampler(servers.first().pid(), embedded ? dataDir : null);
            print("server before", sampler.sample());
            Duration serverCpu = servers.cpu();
            Duration ownCpu = cpu(Optional.of(ProcessHandle.current()));
            long startedAt = System.nanoTime();
            long failures = switch (name) {
                case "export" -> TransferFigures.export(client, servers.first().pid(), options.text("format", "ndjson"));
                case "import" -> TransferFigures.importBody(client, servers.first().pid(), population,
                        dataDir.resolveSibling(dataDir.getFileName() + "-import.ndjson"), new Random(options.longValue("seed", 7)));
                case "group" -> new ResolutionGroupProbe(new Operations(client, population), servers.first().pid())
                        .run(options.integer("members", 100_000), options.integer("page", 5000));
                default -> run(name, options, new Operations(client, population), sampler);
            };
            double wall = (System.nanoTime() - startedAt) / 1e9;
            print("server after", sampler.sample());
            // CPU seconds of the run, to turn throughput into CPU per entity (the machine's cores are shared
            // by the server and this load generator).
            System.out.printf("CPU during the run (%.1f s wall): %s %.1f s, load generator %.1f s%n", wall,
                    count == 1 ? "server" : count + " servers", servers.cpu().minus(serverCpu).toMillis() / 1e3,
                    cpu(Optional.of(ProcessHandle.current())).minus(ownCpu).toMillis() / 1e3);
            System.out.printf("load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
            failed = failures;
        }
        // Only once the server is stopped: exiting inside the block left it running (and its data locked).
        if (failed > 0) {
            System.out.println("figure " + name + ": " + failed + " requests failed");
            System.exit(1);
        }
    }

    private static long run(String name, Options options, Operations operations, ProcessSampler sampler) throws Exception {
        Random random = new Random(options.longValue("seed", 7));
        return switch (name) {
            case "bulk" -> {
                if (!Boolean.parseBoolean(options.text("follow-feed", "false"))) {
                    yield Scenarios.bulk(operations, random, options.integer("batches", 100), options.integer("clients", 2), 1000);
                }
                try (FeedLag lag = new FeedLag(operations.client())) {
                    yield Scenarios.bulk(operations, random, options.integer("batches", 100), options.integer("clients", 2), 1000);
                }
            }
            case "single" -> Scenarios.single(operations, random, options.integer("rate", 500), options.integer("seconds", 30));
            case "same-id" -> Scenarios.sameId(operations, random, 1000, options.integer("clients", 16));
            case "list" -> Scenarios.list(operations, random, options.integer("queries", 2000), 50);
            case "visible" -> new VisibilityProbe(operations).run(random, options.integer("probes", 300));
            case "history" -> new HistoryProbe(operations).run(random, options.integer("versions", 10_000),
                    options.integer("probes", 200), Boolean.parseBoolean(options.text("reuse-history", "false")));
            case "link" -> new ResolutionLinkProbe(operations).run(random, options.integer("warm-up", 2),
                        options.integer("rounds", 20), options.integer("ids", 1000));
            case "mixed" -> Scenarios.mixed(operations, random, options.integer("rate", 200), options.integer("seconds", 60));
            // 100/s: at 200/s the mixed load overloads the embedded store on a 2-core machine (queue, not a soak).
            case "soak" -> new Soak(operations, sampler, options.integer("rate", 100))
                    .run(options.integer("seconds", 600), options.integer("interval", 10), System.out).failures();
            default -> throw new IllegalArgumentException("unknown figure " + name);
        };
    }

    static Duration cpu(Optional<ProcessHandle> process) {
        return process.flatMap(handle -> handle.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static void print(String when, ProcessSample sample) {
        System.out.printf("%s: RSS %d MB, heap used %d MB (old gen %d MB), %d descriptors, %d threads, data %d MB%n", when,
                sample.rssMb(), sample.heapMb(), sample.oldGenMb(), sample.fds(), sample.threads(), sample.dataMb());
    }
}
