package dev.entitystore.server.observe;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code X-Request-Id}: the caller's, when it is a plausible id (a proxy's or a client's, so one request
 * can be followed across systems), else a new one. A hostile value never reaches a log line as sent.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private RequestIds() {}

    public static String acceptOrGenerate(String presented) {
        return presented != null && ACCEPTED.matcher(presented).matches() ? presented : UUID.randomUUID().toString();
    }
}
