package dev.entitystore.domain.exceptionlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.error.ExceptionListRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The version of a stored exception list or item, as Kibana's saved objects carry it: a sequence number
 * and a primary term, shown to clients as {@code _version}, the base64 of the JSON array
 * {@code [seq_no,primary_term]} (e.g. {@code WzEyLDFd} for {@code [12,1]}).
 */
public record ListObjectVersion(long seqNo, long primaryTerm) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The {@code _version} text. */
    public String encode() {
        String array = "[" + seqNo + "," + primaryTerm + "]";
        return Base64.getEncoder().encodeToString(array.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a client's {@code _version}.
     *
     * @throws ExceptionListRequestException {@code Invalid version [<text>]} when it is not such a value
     */
    public static ListObjectVersion decode(String text) {
        try {
            JsonNode array = JSON.readTree(Base64.getDecoder().decode(text));
            if (array != null && array.isArray() && array.size() == 2 && array.get(0).isIntegralNumber()
                    && array.get(1).isIntegralNumber() && array.get(0).canConvertToLong()
                    && array.get(1).canConvertToLong()) {
                return new ListObjectVersion(array.get(0).longValue(), array.get(1).longValue());
            }
        } catch (IllegalArgumentException | IOException e) {
            // not base64, or not JSON: the same answer as a JSON value of the wrong shape
        }
        throw new ExceptionListRequestException("Invalid version [" + text + "]");
    }
}
