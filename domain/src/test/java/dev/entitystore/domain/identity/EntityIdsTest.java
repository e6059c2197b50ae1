package dev.entitystore.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known vectors: {@code _id} is the lowercase hex SHA-256 of the EUID. */
class EntityIdsTest {

    @ParameterizedTest(name = "sha256({0})")
    @CsvSource({
            "entity-id, 52afd20bfd20bf75fda50ed14e4f6823f9abe8c7be51ceb55637e32300af4489",
            "required-id-create, a7579c3e6954b413f49f47cba47a19f4f6f359ef128e97c16ad69123eae80287",
            "host:create-generated-euid, 0bf9fdc1e83f1fe9413a02bd9ef1a864fecd23d179c818e07a2ba12606eccb8b",
            "host:web-server-prod-01, b04041a0510a43da80ca0f983b85c82c630322f41178cbc7bf6322444c9e6625",
            "service:api-gateway, 61ddcfd8ec4eedd34d6f1f954d2a7e9df8ee07260dcdd5451a86c19075954638"
    })
    void documentIdIsTheLowercaseHexSha256OfTheEuid(String euid, String expected) {
        assertThat(EntityIds.documentId(euid)).isEqualTo(expected).matches("^[a-f0-9]{64}$");
    }

    @ParameterizedTest
    @CsvSource({"user:jöhn@unknown", "''", "host:名前"})
    void hashesUtf8AndEmptyInput(String euid) {
        assertThat(EntityIds.documentId(euid)).matches("^[a-f0-9]{64}$");
    }
}
