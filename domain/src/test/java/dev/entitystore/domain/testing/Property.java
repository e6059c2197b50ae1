package dev.entitystore.domain.testing;

import java.util.function.LongConsumer;

/**
 * A minimal property runner: checks a law for many seeded random cases inside one test, and names the
 * seed of the first failing case so it can be replayed with {@link RandomDocuments#RandomDocuments(long)}.
 */
public final class Property {
    public static final int DEFAULT_TRIES = 500;

    private Property() {
    }

    public static void forAllSeeds(LongConsumer law) {
        forAllSeeds(DEFAULT_TRIES, law);
    }

    public static void forAllSeeds(int tries, LongConsumer law) {
        for (long seed = 1; seed <= tries; seed++) {
            try {
                law.accept(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed for seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }
}
