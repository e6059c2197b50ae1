package dev.entitystore.bench.scenario;

import dev.entitystore.bench.cli.Options;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.records.Population;
import java.util.Random;

/**
 * The HTTP scenarios, against any running server (either backend) on loopback whose default space holds
 * a pre-filled population ({@code dev.entitystore.bench.prefill.Prefill}). Each prints throughput and
 * p50/p95/p99 per kind of request, and stops by itself.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.entitystore.bench.scenario.Scenarios SCENARIO URL [options]
 *   single   --rate 500 --seconds 30          v2 single updates at a fixed rate (open loop, after 5 s unrecorded)
 *   bulk     --batches 100 --clients 2 --batch-size 1000
 *   list     --queries 2000 --deep-page 50    KQL term (entity.id, host.name), sorted page, searchAfter page
 *   mixed    --rate 200 --seconds 60          70% updates, 20% lists, 5% gets, 5% bulks of 100 (after 5 s unrecorded)
 *   same-id  --updates 1000 --clients 16      1,000 updates of one entity vs of 1,000 entities
 *   visible  --probes 300                     write-to-visible: update, then list by KQL until it is found
 * common: --entities N (the pre-filled count, default 1000000) --types host|all|host,user,...
 * </pre>
 */
public final class Scenarios {
    private Scenarios() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String scenario = options.positional(0, "scenario (single | bulk | list | mixed | same-id | visible)");
        EntityStoreClient client = EntityStoreClient.of(options.positional(1, "server URL (or several, comma-separated)"));
        Population population = Population.of(options.text("types", "host"), options.integer("entities", 1_000_000));
        Operations operations = new Operations(client, population);
        Random random = new Random(options.longValue("seed", 7));
        long failures = switch (scenario) {
            case "single" -> single(operations, random, options.integer("rate", 500), options.integer("seconds", 30));
            case "bulk" -> bulk(operations, random, options.integer("batches", 100), options.integer("clients", 2),
                    options.integer("batch-size", 1000));
            case "list" -> list(operations, random, options.integer("queries", 2000), options.integer("deep-page", 50));
            case "mixed" -> mixed(operations, random, options.integer("rate", 200), options.integer("seconds", 60));
            case "same-id" -> sameId(operations, random, options.integer("updates", 1000), options.integer("clients", 16));
            case "visible" -> new VisibilityProbe(operations).run(random, options.integer("probes", 300));
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Seconds of the same load, unrecorded, before a fixed-rate run: class loading and JIT off the figures. */
    static final int WARM_UP_SECONDS = 5;

    public static long single(Operations operations, Random random, int rate, int seconds) throws Exception {
        new FixedRateLoad(operations.client(), rate).run(n -> operations.singleUpdate(random), WARM_UP_SECONDS, new Results(), 120);
        Results results = new Results();
        long start = System.nanoTime();
        long unanswered = new FixedRateLoad(operations.client(), rate).run(n -> operations.singleUpdate(random), seconds, results, 120);
        results.print("single updates at " + rate + "/s, open loop" + unanswered(unanswered), elapsed(start));
        return results.failures() + unanswered;
    }

    public static long bulk(Operations operations, Random random, int batches, int clients, int batchSize) throws Exception {
        Results results = new Results();
        // Bodies are built before timing: building 1,000 items costs the client ~10 ms of CPU.
        Operation[] bodies = new Operation[batches];
        for (int b = 0; b < batches; b++) {
            bodies[b] = operations.bulk(random, batchSize);
        }
        long start = System.nanoTime();
        new ClosedLoopLoad(operations.client(), clients).run(n -> bodies[(int) n], batches, results);
        results.print("bulk updates, " + batches + " x " + batchSize + " items, " + clients + " clients", elapsed(start));
        return results.failures();
    }

    public static long list(Operations operations, Random random, int queries, int deepPage) throws Exception {
        ClosedLoopLoad oneClient = new ClosedLoopLoad(operations.client(), 1);
        Results warmUp = new Results();
        oneClient.run(n -> n % 2 == 0 ? operations.kqlEntityId(random) : operations.sortedPage(), Math.max(50, queries / 10), warmUp);
        Results results = new Results();
        long start = System.nanoTime();
        oneClient.run(n -> operations.kqlEntityId(random), queries, results);
        oneClient.run(n -> operations.kqlHostName(random), queries, results);
        oneClient.run(n -> operations.sortedPage(), Math.max(1, queries / 4), results);
        String cursor = operations.cursorAfter(deepPage - 1);
        oneClient.run(n -> operations.searchAfter(cursor), Math.max(1, queries / 4), results);
        results.print("lists, one client (searchAfter page " + deepPage + ")", elapsed(start));
        return results.failures();
    }

    public static long mixed(Operations operations, Random random, int rate, int seconds) throws Exception {
        new FixedRateLoad(operations.client(), rate).run(n -> mixedOperation(operations, random), WARM_UP_SECONDS, new Results(), 120);
        Results results = new Results();
        long start = System.nanoTime();
        long unanswered = new FixedRateLoad(operations.client(), rate).run(n -> mixedOperation(operations, random), seconds, results, 120);
        results.print("mixed read/write at " + rate + "/s, open loop" + unanswered(unanswered), elapsed(start));
        return results.failures() + unanswered;
    }

    /** 70% single updates, 20% lists (KQL term or sorted page), 5% gets, 5% bulks of 100. */
    public static Operation mixedOperation(Operations operations, Random random) {
        int dice = random.nextInt(100);
        if (dice < 70) {
            return operations.singleUpdate(random);
        }
        if (dice < 85) {
            return operations.kqlEntityId(random);
        }
        if (dice < 90) {
            return operations.sortedPage();
        }
        if (dice < 95) {
            return operations.get(random);
        }
        return operations.bulk(random, 100);
    }

    /** product rules §8: updates of one entity cost no more than 2x updates of different entities. */
    public static long sameId(Operations operations, Random random, int updates, int clients) throws Exception {
        ClosedLoopLoad load = new ClosedLoopLoad(operations.client(), clients);
        load.run(n -> operations.singleUpdate(random), updates / 4, new Results());
        Results distinct = new Results();
        long start = System.nanoTime();
        load.run(n -> operations.singleUpdate(random), updates, distinct);
        double distinctSeconds = elapsed(start);
        distinct.print(updates + " updates of distinct entities, " + clients + " clients", distinctSeconds);
        int hot = random.nextInt(operations.populationSize());
        Results same = new Results();
        start = System.nanoTime();
        load.run(n -> operations.updateOf(hot, random), updates, same);
        double sameSeconds = elapsed(start);
        same.print(updates + " updates of one entity, " + clients + " clients", sameSeconds);
        Results bulkSame = new Results();
        Operation ofOne = operations.bulkOfOne(random, hot, updates);
        Operation ofMany = operations.bulk(random, updates);
        start = System.nanoTime();
        new ClosedLoopLoad(operations.client(), 1).run(n -> ofMany, 5, bulkSame);
        double manySeconds = elapsed(start);
        start = System.nanoTime();
        new ClosedLoopLoad(operations.client(), 1).run(n -> ofOne, 5, bulkSame);
        double oneSeconds = elapsed(start);
        bulkSame.print("5 bulks of " + updates + " distinct, then 5 of one entity", manySeconds + oneSeconds);
        System.out.printf("same-id cost ratio: single updates %.2fx, bulk %.2fx (product rules §8: at most 2x)%n",
                sameSeconds / distinctSeconds, oneSeconds / manySeconds);
        return distinct.failures() + same.failures() + bulkSame.failures();
    }

    private static String unanswered(long count) {
        return count == 0 ? "" : " (" + count + " NOT answered within 120 s of the last send)";
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
