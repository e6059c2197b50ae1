package dev.entitystore.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.merge.PartialUpdateMerger;
import dev.entitystore.domain.write.CreatePlanner;
import dev.entitystore.domain.write.PlannedWrite;
import dev.entitystore.domain.write.RequestBodyValidator;
import dev.entitystore.domain.write.UpdatePlanner;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The domain's share of one v2 update of a ~1 KB host record: derive the EUID, check field permissions
 * (no force), and merge the patch into a ~1 KB stored record. {@code planAndMerge} works on parsed
 * trees; {@code parseValidatePlanMergeSerialize} adds what a request costs around it (JSON parse, the
 * request schema check, JSON write) — still without HTTP or storage.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HostWriteBenchmark {
    private final ObjectMapper mapper = new ObjectMapper();
    private final UpdatePlanner updatePlanner = new UpdatePlanner(Clock.systemUTC());
    private final PartialUpdateMerger merger = new PartialUpdateMerger();
    private final RequestBodyValidator validator = new RequestBodyValidator();

    private byte[] updateBytes;
    private byte[] storedBytes;
    private ObjectNode updateBody;
    private ObjectNode stored;

    @Setup
    public void setUp() throws IOException {
        updateBytes = resource("host-update.json");
        updateBody = (ObjectNode) mapper.readTree(updateBytes);
        ObjectNode createBody = (ObjectNode) mapper.readTree(resource("host-create.json"));
        stored = new CreatePlanner(Clock.systemUTC()).plan(EntityType.HOST, createBody).patchOrDocument();
        storedBytes = mapper.writeValueAsBytes(stored);
    }

    @Benchmark
    public ObjectNode planAndMerge() {
        PlannedWrite write = updatePlanner.plan(EntityType.HOST, updateBody, false);
        return merger.merge(stored, write.patchOrDocument());
    }

    @Benchmark
    public byte[] parseValidatePlanMergeSerialize() throws IOException {
        ObjectNode body = (ObjectNode) mapper.readTree(updateBytes);
        validator.validate(EntityType.HOST, body);
        PlannedWrite write = updatePlanner.plan(EntityType.HOST, body, false);
        ObjectNode record = (ObjectNode) mapper.readTree(storedBytes);
        return mapper.writeValueAsBytes(merger.mergeInPlace(record, write.patchOrDocument()));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HostWriteBenchmark.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("missing benchmark resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
