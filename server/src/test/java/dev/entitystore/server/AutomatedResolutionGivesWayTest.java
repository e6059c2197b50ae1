package dev.entitystore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.resolution.EntityResolution;
import dev.entitystore.domain.resolution.automation.AutomatedResolution;
import dev.entitystore.domain.resolution.automation.GiveWay;
import dev.entitystore.domain.resolution.automation.RunSummary;
import dev.entitystore.domain.resolution.rule.ResolutionRules;
import dev.entitystore.domain.transfer.ImportJobs;
import dev.entitystore.domain.transfer.ImportMode;
import dev.entitystore.domain.transfer.TransferFormat;
import dev.entitystore.domain.write.EntityWrites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled automated-resolution run gives way while an import runs (issue 20): it waits before its next
 * page, without holding the run lock (an on-demand run still runs at once), and goes on when the import ends.
 * On the embedded store, with the busy signal in the test's hands.
 */
class AutomatedResolutionGivesWayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private Backend backend;
    private EngineManager engines;
    private EntityWrites writes;

    @BeforeEach
    void open() {
        backend = Backend.embedded(ServerConfig.from(Map.of()).withPortAndDataDir(0, dataDir));
        engines = new EngineManager(backend.store(), Clock.systemUTC());
        writes = new EntityWrites(backend.store(), engines, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private AutomatedResolution resolution(GiveWay giveWay) {
        return new AutomatedResolution(backend.store(), backend.search(), backend.history(), engines,
                new ResolutionRules(backend.store()),
                new EntityResolution(backend.store(), backend.search(), engines), giveWay);
    }

    /** Two users of one email in {@code space}: one run links one to the other. */
    private void twoUsersSharingAnEmail(String space, String name) throws IOException {
        engines.install(space, List.of(EntityType.USER), null, null);
        for (String[] user : new String[][] {{"okta", "okta"}, {"entra_id", "azure"}}) {
            writes.create(space, EntityType.USER, (ObjectNode) JSON.readTree("{\"entity\":{\"id\":\"user:" + name
                    + "@corp.example@" + user[0] + "\"},\"event\":{\"module\":\"" + user[1] + "\"},\"user\":{\"email\":[\""
                    + name + "@corp.example\"]}}"));
        }
    }

    @Test
    void aScheduledRunWaitsWhileAnImportRunsAndGoesOnAfterIt() throws Exception {
        twoUsersSharingAnEmail("waiting", "kim");
        twoUsersSharingAnEmail("asked", "lee");
        AtomicBoolean importing = new AtomicBoolean(true);
        AutomatedResolution resolution = resolution(new GiveWay(importing::get, Duration.ofMillis(20)));

        CompletableFuture<RunSummary> scheduled = CompletableFuture.supplyAsync(resolution::runEverySpace);
        Thread.sleep(1_500);
        assertThat(scheduled).as("the scheduled run waits while the import runs").isNotDone();

        // An on-demand run is not held up by the waiting scheduled one.
        RunSummary asked = CompletableFuture.supplyAsync(() -> resolution.run("asked")).get(2, TimeUnit.MINUTES);
        assertThat(asked.linked()).isEqualTo(1);
        assertThat(scheduled).isNotDone();

        importing.set(false);
        RunSummary summary = scheduled.get(2, TimeUnit.MINUTES);
        assertThat(summary.linked()).as("it goes on once the import has ended: kim's pair; lee's was linked already")
                .isEqualTo(1);
        assertThat(resolution.run("waiting").linked()).as("nothing left to link").isZero();
    }

    @Test
    void anOnDemandRunNeverWaits() throws Exception {
        twoUsersSharingAnEmail("on-demand", "max");
        AutomatedResolution resolution = resolution(new GiveWay(() -> true, Duration.ofMillis(20)));

        RunSummary summary = CompletableFuture.supplyAsync(() -> resolution.run("on-demand")).get(2, TimeUnit.MINUTES);
        assertThat(summary.linked()).isEqualTo(1);
    }

    @Test
    void aScheduledRunInterruptedWhileItWaitsEnds() throws Exception {
        twoUsersSharingAnEmail("stopping", "ann");
        AutomatedResolution resolution = resolution(new GiveWay(() -> true, Duration.ofMillis(20)));
        Thread run = new Thread(resolution::runEverySpace, "scheduled-run");
        run.start();
        Thread.sleep(500);
        run.interrupt();
        run.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(run.isAlive()).as("a stopping server's run ends").isFalse();
        assertThat(resolution.run("stopping").linked()).as("the interrupted run linked nothing").isEqualTo(1);
    }

    @Test
    void importJobsAreBusyWhileAJobRunsAndNotOnceItHasEnded() throws Exception {
        engines.install("importing", List.of(EntityType.HOST), null, null);
        ImportJobs jobs = new ImportJobs(backend.store(), engines, Clock.systemUTC());
        try {
            assertThat(jobs.busy()).isFalse();
            Path body = Files.createTempFile(dataDir, "import", ".ndjson");
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 3_000; i++) {
                lines.append("{\"type\":\"host\",\"doc\":{\"host\":{\"name\":\"h").append(i).append("\"}}}\n");
            }
            Files.writeString(body, lines);
            String id = jobs.start("importing", body, TransferFormat.NDJSON, ImportMode.UPSERT, false, false);
            assertThat(jobs.busy()).as("a job of 3,000 lines is still running").isTrue();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (jobs.busy() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(jobs.busy()).isFalse();
            assertThat(jobs.status("importing", id).path("status").asText()).isEqualTo("done");
        } finally {
            jobs.close();
        }
    }
}
