package dev.entitystore.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.model.BulkUpdateItem;
import dev.entitystore.api.model.BulkUpdateRequest;
import dev.entitystore.api.model.EntityType;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bean validation of the generated models stops at free-form records, and still checks the models around them. */
class RecordTraversableResolverTest {
    private final ValidatorFactory factory = Validation.byDefaultProvider().configure()
            .traversableResolver(new RecordTraversableResolver()).buildValidatorFactory();
    private final Validator validator = factory.getValidator();

    @AfterEach
    void close() {
        factory.close();
    }

    /** A record that counts how often something walks its members. */
    private static final class WatchedRecord extends ObjectNode {
        int walks;

        WatchedRecord() {
            super(JsonNodeFactory.instance);
            put("host.name", "web-01");
            putObject("entity").put("id", "host:web-01");
        }

        @Override // iterator() is final and walks through this
        public Iterator<JsonNode> elements() {
            walks++;
            return super.elements();
        }
    }

    @Test
    void theValidatorDoesNotWalkRecords() {
        WatchedRecord record = new WatchedRecord();
        BulkUpdateRequest request = new BulkUpdateRequest().entities(List.of(new BulkUpdateItem().type(EntityType.HOST).doc(record)));
        assertThat(validator.validate(request)).isEmpty();
        assertThat(record.walks).as("members of the record visited by the validator").isZero();
    }

    @Test
    void theModelsAroundRecordsAreStillValidated() {
        BulkUpdateRequest request = new BulkUpdateRequest().entities(List.of(new BulkUpdateItem().type(EntityType.HOST)));
        assertThat(validator.validate(request)).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("entities[0].doc");
    }

    @Test
    void theApplicationValidatesWithIt() {
        org.glassfish.jersey.server.ResourceConfig app = dev.entitystore.server.ApplicationFactory.create(
                dev.entitystore.server.ServerConfig.from(java.util.Map.of()), null, null, null, null, null, null,
                new dev.entitystore.domain.health.ServiceHealth(List.of()));
        assertThat(app.getInstances()).anySatisfy(instance -> assertThat(instance).isInstanceOf(ValidationConfigProvider.class));
        assertThat(new ValidationConfigProvider().getContext(Object.class).getTraversableResolver())
                .isInstanceOf(RecordTraversableResolver.class);
    }
}
