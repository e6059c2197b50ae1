package dev.entitystore.server.error;

import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the HTTP container answers when a failure escapes Jersey and its exception mappers (Grizzly's own
 * page prints the exception and its stack trace into the body): Kibana's error body, with the reason
 * phrase and no detail; the failure goes to the log. Seen once with an exception thrown inside Bean
 * Validation's set-up, which no mapper saw.
 */
public final class ContainerErrorPage implements ErrorPageGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerErrorPage.class);

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        if (exception != null) {
            LOG.error("Failure outside the application while serving {}",
                    request == null ? "a request" : request.getMethod() + " " + request.getRequestURI(), exception);
        }
        String message = status >= 500 ? UnexpectedExceptionMapper.MESSAGE : ErrorBody.reasonPhrase(status);
        return "{\"statusCode\":" + status + ",\"error\":\"" + ErrorBody.reasonPhrase(status) + "\",\"message\":\"" + message + "\"}";
    }
}
