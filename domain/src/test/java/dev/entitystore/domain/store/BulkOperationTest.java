package dev.entitystore.domain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BulkOperationTest {
    private static final EntityMerge NOOP = current -> MergeDecision.noop();

    @Test
    void a_merge_of_a_record_read_is_a_merge_of_that_records_id_carrying_it() {
        StoredEntity read = new StoredEntity("a", JsonNodeFactory.instance.objectNode(), 7, 2);

        BulkOperation.Merge merge = (BulkOperation.Merge) BulkOperation.merge(read, NOOP);

        assertThat(merge.id()).isEqualTo("a");
        assertThat(merge.read()).contains(read);
        assertThat(((BulkOperation.Merge) BulkOperation.merge("a", NOOP)).read()).isEmpty();
    }

    @Test
    void a_merge_cannot_carry_another_records_read() {
        StoredEntity other = new StoredEntity("b", JsonNodeFactory.instance.objectNode(), 7, 2);

        assertThatThrownBy(() -> new BulkOperation.Merge("a", NOOP, Optional.of(other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the record read is b, not a");
    }
}
