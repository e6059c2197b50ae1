package dev.entitystore.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final String SECRET = "correct horse battery staple";
    private static final String STORED = PasswordHasher.hash(SECRET);

    @Test
    void theSecretVerifiesAndAnyOtherDoesNot() {
        assertThat(PasswordHasher.verify(SECRET, STORED)).isTrue();
        assertThat(PasswordHasher.verify(SECRET + " ", STORED)).isFalse();
        assertThat(PasswordHasher.verify("", STORED)).isFalse();
    }

    @Test
    void storedFormNamesTheAlgorithmAndIterationsAndNeverHoldsTheSecret() {
        assertThat(STORED).startsWith("pbkdf2-sha256$" + PasswordHasher.DEFAULT_ITERATIONS + "$").doesNotContain(SECRET);
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertThat(PasswordHasher.hash(SECRET)).isNotEqualTo(STORED);
    }

    @Test
    void iterationCountIsReadFromTheStoredHash() {
        String[] parts = STORED.split("\\$");
        String fewer = parts[0] + "$1000$" + parts[2] + "$" + parts[3];
        // Same salt and digest, other count: the digest no longer matches, so the count was used.
        assertThat(PasswordHasher.verify(SECRET, fewer)).isFalse();
    }

    @Test
    void malformedStoredHashesAreRefused() {
        for (String bad : new String[] {null, "", "plain-text", "md5$1$aa$bb", "pbkdf2-sha256$x$AAAA$AAAA",
                "pbkdf2-sha256$1000$AAAA$AAAA", "pbkdf2-sha256$1000$$" + "A".repeat(43)}) {
            assertThatThrownBy(() -> PasswordHasher.requireWellFormed(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
