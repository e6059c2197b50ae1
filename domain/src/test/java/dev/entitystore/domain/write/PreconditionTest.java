package dev.entitystore.domain.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreconditionTest {
    @Test
    void ifMatchHoldsForAListedStrongOrWeakTagOrTheWildcard() {
        assertThat(Precondition.ifMatch("\"3\"").holdsFor(3)).isTrue();
        assertThat(Precondition.ifMatch("W/\"3\"").holdsFor(3)).isTrue();
        assertThat(Precondition.ifMatch("\"1\", \"3\"").holdsFor(3)).isTrue();
        assertThat(Precondition.ifMatch("*").holdsFor(7)).isTrue();
        assertThat(Precondition.ifMatch("\"2\"").holdsFor(3)).isFalse();
        assertThat(Precondition.ifMatch("garbage").holdsFor(3)).isFalse();
    }

    @Test
    void ifNoneMatchStarNeverHoldsForAStoredEntityAndNoHeaderAlwaysHolds() {
        assertThat(Precondition.ifNoneMatch("*").holdsFor(1)).isFalse();
        assertThat(Precondition.ifNoneMatch("\"2\"").holdsFor(1)).isTrue();
        assertThat(Precondition.ifMatch(null).isNone()).isTrue();
        assertThat(Precondition.none().holdsFor(42)).isTrue();
        assertThat(Precondition.entityTag(5)).isEqualTo("\"5\"");
    }
}
