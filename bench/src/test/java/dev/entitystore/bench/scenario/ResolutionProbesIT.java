package dev.entitystore.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.prefill.StorePrefill;
import dev.entitystore.bench.records.Population;
import dev.entitystore.bench.server.ServerProcess;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolution figures' probes, small, against the packaged server: each link, read and unlink answers as the
 * probe expects, and the store ends as it began (the figures rely on it to run again on the same data).
 */
class ResolutionProbesIT {
    private static final Path JAR = Path.of(System.getProperty("server.jar", "../server/target/entity-store-server.jar"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theLinkAndGroupProbesRunCleanAndLeaveNoGroupBehind() throws Exception {
        Population population = Population.of("host", 1_500);
        StorePrefill.run(dataDir, population);
        try (ServerProcess server = ServerProcess.start(JAR, dataDir, List.of("-Xmx256m", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.1", "-XX:MetaspaceSize=64m"),
                List.of(), Map.of(), Path.of("target", "resolution-probes-server.log"), 180)) {
            EntityStoreClient client = new EntityStoreClient(server.baseUri(), null);
            Operations operations = new Operations(client, population);

            assertThat(new ResolutionLinkProbe(operations).run(new Random(7), 1, 2, 100)).as("link probe failures").isZero();
            // 1,200 aliases in pages of 500: the walk's last page is a short one
            assertThat(new ResolutionGroupProbe(operations, server.pid()).run(1_200, 500)).as("group probe failures").isZero();

            String target = population.recordsOf(0).euid(0);
            HttpResponse<InputStream> group = client.getStream(EntityStoreClient.API + "/resolution/group?entity_id="
                    + EntityStoreClient.encode(target));
            assertThat(group.statusCode()).isEqualTo(200);
            try (InputStream body = group.body()) {
                assertThat(JSON.readTree(body).path("group_size").asInt()).as("group left behind").isEqualTo(1);
            }
            assertThat(server.errorLines()).as("ERROR lines of the server:\n%s", server.tail()).isZero();
        }
    }
}
