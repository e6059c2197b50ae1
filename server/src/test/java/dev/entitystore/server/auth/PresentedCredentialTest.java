package dev.entitystore.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PresentedCredentialTest {
    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void apiKeyAndBasicAreReadWithTheSecretAfterTheFirstColon() {
        assertThat(PresentedCredential.parse("ApiKey " + b64("id-1:se:cret")))
                .contains(new PresentedCredential(StoredCredential.Kind.API_KEY, "id-1", "se:cret"));
        assertThat(PresentedCredential.parse("basic " + b64("alice:pw")))
                .contains(new PresentedCredential(StoredCredential.Kind.USER, "alice", "pw"));
    }

    @Test
    void otherSchemesAndMalformedValuesPresentNothing() {
        for (String header : new String[] {"Bearer abc", "ApiKey", "ApiKey !!!", "Basic " + b64("no-colon"),
                "Basic " + b64(":no-user"), "ApiKeyX " + b64("a:b"),
                "Basic " + Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xc3})}) {
            assertThat(PresentedCredential.parse(header)).as(header).isEmpty();
        }
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(new PresentedCredential(StoredCredential.Kind.USER, "alice", "s3cret").toString()).doesNotContain("s3cret");
    }
}
