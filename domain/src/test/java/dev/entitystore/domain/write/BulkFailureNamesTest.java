package dev.entitystore.domain.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.error.BulkItemRef;
import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.identity.EntityIds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A store failure that names records by storage id gets their items' positions and EUIDs (issue 16, item 11). */
class BulkFailureNamesTest {
    private static final String A = EntityIds.documentId("host:a");
    private static final String B = EntityIds.documentId("host:b");

    @Test
    void eachNamedIdGetsItsItemsAndTheFailureListsThem() {
        StoreUnavailableException failure = new StoreUnavailableException(
                "OpenSearch refused records of the bulk (400 x): 1 records of the bulk were written, 1 were not applied: " + B,
                null);
        StoreUnavailableException named = BulkFailureNames.named(failure, List.of(A, B, B), List.of("host:a", "host:b", "host:b"));
        assertThat(named.getMessage()).endsWith("were not applied: " + B + " (item 1: host:b, item 2: host:b)");
        assertThat(named.items()).containsExactly(new BulkItemRef(1, "host:b", B), new BulkItemRef(2, "host:b", B));
        assertThat(named.getCause()).isSameAs(failure);
    }

    @Test
    void aFailureThatNamesNoItemIsLeftAsItIs() {
        StoreUnavailableException failure = new StoreUnavailableException("the store is closed", null);
        assertThat(BulkFailureNames.named(failure, List.of(A), List.of("host:a"))).isSameAs(failure);
    }
}
