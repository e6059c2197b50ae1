package dev.entitystore.bench.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.write.CreatePlanner;
import dev.entitystore.domain.write.PlannedWrite;
import dev.entitystore.domain.write.RequestBodyValidator;
import dev.entitystore.domain.write.UpdatePlanner;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The kit's records are what the server accepts: valid bodies, the EUID the kit expects, ~1 KB. */
class EntityRecordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RequestBodyValidator validator = new RequestBodyValidator();
    private final CreatePlanner creates = new CreatePlanner(Clock.systemUTC());
    private final UpdatePlanner updates = new UpdatePlanner(Clock.systemUTC());

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void createdRecordsAreValidAboutOneKilobyteAndDeriveTheExpectedEuid(EntityType type) throws Exception {
        EntityRecords records = EntityRecords.of(type);
        Random random = new Random(1);
        for (int n : new int[] {0, 1, 42, 999_999}) {
            ObjectNode body = records.create(n, random);
            validator.validate(type, body.deepCopy());
            PlannedWrite write = creates.plan(type, body.deepCopy());
            assertThat(write.euid()).isEqualTo(records.euid(n));
            int stored = JSON.writeValueAsBytes(write.patchOrDocument()).length;
            assertThat(stored).as(type + " record size").isBetween(700, 1_400);
        }
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void updatesNeedNoForceAndTargetTheSameEntity(EntityType type) {
        EntityRecords records = EntityRecords.of(type);
        Random random = new Random(2);
        for (int n : new int[] {0, 7, 123_456}) {
            ObjectNode doc = records.update(n, random);
            validator.validate(type, doc.deepCopy());
            assertThat(updates.plan(type, doc, false).euid()).isEqualTo(records.euid(n));
        }
    }
}
