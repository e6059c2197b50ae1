package dev.entitystore.domain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An outcome's record is made only when asked for, once; its version never makes it. */
class MergeOutcomeTest {

    @Test
    void aDeferredRecordIsMadeOnceAndOnlyWhenAskedFor() {
        AtomicInteger made = new AtomicInteger();
        StoredEntity record = new StoredEntity("a", JsonNodeFactory.instance.objectNode().put("n", 1), 7, 3);
        MergeOutcome outcome = MergeOutcome.deferred(MergeOutcome.Status.UPDATED, 3, () -> {
            made.incrementAndGet();
            return Optional.of(record);
        });
        ItemOutcome item = ItemOutcome.deferred("a", ItemOutcome.Status.UPDATED, outcome::entity);

        assertThat(outcome.version()).isEqualTo(3);
        assertThat(made).hasValue(0);
        assertThat(item.entity()).contains(record);
        assertThat(outcome.entity()).contains(record);
        assertThat(made).hasValue(1);
        assertThat(item).isEqualTo(new ItemOutcome("a", ItemOutcome.Status.UPDATED, Optional.of(record)));
    }

    @Test
    void anOutcomeWithoutARecordHasNoVersion() {
        MergeOutcome outcome = new MergeOutcome(MergeOutcome.Status.NOT_FOUND, Optional.empty());

        assertThatThrownBy(outcome::version).isInstanceOf(NoSuchElementException.class);
        assertThat(new MergeOutcome(MergeOutcome.Status.NOOP, Optional.of(
                new StoredEntity("b", JsonNodeFactory.instance.objectNode(), 2, 5))).version()).isEqualTo(5);
    }
}
