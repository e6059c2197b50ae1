package dev.entitystore.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.prefill.StorePrefill;
import dev.entitystore.bench.records.Population;
import dev.entitystore.bench.scenario.Operations;
import dev.entitystore.bench.server.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short soak of CI: the packaged server under a steady mixed workload for {@code soak.seconds}
 * (default 60), sampled every 10 s. It asserts only what a busy machine cannot make flaky: no error
 * answers and no 5xx, no ERROR line from the server, and descriptors other than sockets not growing
 * (files, the store's and the index's, stay within a margin of the first sample). Latency and memory are
 * printed, never asserted: the 10-minute run for the report is in bench/README.md.
 */
class SoakIT {
    private static final Path JAR = Path.of(System.getProperty("server.jar", "../server/target/entity-store-server.jar"));
    /** Lucene's files come and go with flushes and merges; a leak grows past any fixed margin. */
    private static final int FILE_DESCRIPTOR_MARGIN = 64;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void steadyMixedLoadAnswersEveryRequestWithoutErrorsOrGrowingFiles() throws Exception {
        int seconds = Integer.getInteger("soak.seconds", 60);
        int rate = Integer.getInteger("soak.rate", 20);
        Population population = Population.of("all", 2_000);
        StorePrefill.run(dataDir, population);
        try (ServerProcess server = ServerProcess.start(JAR, dataDir, List.of("-Xmx256m", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.1", "-XX:MetaspaceSize=64m"), List.of(), Map.of(),
                Path.of("target", "soak-server.log"), 180)) {
            EntityStoreClient client = new EntityStoreClient(server.baseUri(), null);
            ProcessSampler sampler = new ProcessSampler(server.pid(), dataDir);
            SoakReport report = new Soak(new Operations(client, population), sampler, rate).run(seconds, 10, System.out);
            report.writeCsv(Path.of("target", "soak.csv"));

            List<SoakRow> rows = report.rows();
            assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
            assertThat(report.failures()).as("failed answers").isZero();
            assertThat(report.serverErrors()).as("5xx answers").isZero();
            assertThat(server.errorLines()).as("ERROR lines of the server:\n%s", server.tail()).isZero();
            int firstFiles = rows.get(0).process().fileFds();
            assertThat(rows).allSatisfy(row -> assertThat(row.process().fileFds())
                    .as("non-socket descriptors at %d s", row.atSecond()).isLessThanOrEqualTo(firstFiles + FILE_DESCRIPTOR_MARGIN));
        }
    }
}
