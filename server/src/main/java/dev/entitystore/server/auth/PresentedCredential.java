package dev.entitystore.server.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * What an {@code Authorization} header presents: {@code ApiKey base64(id:key)} or
 * {@code Basic base64(user:password)} (schemes case-insensitive, as HTTP has them). Anything else
 * (another scheme, bad base64, no colon, not UTF-8) presents nothing usable.
 */
public record PresentedCredential(StoredCredential.Kind kind, String id, String secret) {

    public static Optional<PresentedCredential> parse(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        StoredCredential.Kind kind = switch (scheme) {
            case "apikey" -> StoredCredential.Kind.API_KEY;
            case "basic" -> StoredCredential.Kind.USER;
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        Optional<String> decoded = decode(value.substring(space + 1).strip());
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        int colon = decoded.get().indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new PresentedCredential(kind, decoded.get().substring(0, colon), decoded.get().substring(colon + 1)));
    }

    private static Optional<String> decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "PresentedCredential[" + kind + " " + id + "]";
    }
}
