package dev.entitystore.server.json;

import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A request body over one of our size limits (an array too long). A mapping exception, so that Jackson
 * prepends where the record sat (e.g. {@code entities.3.doc}) when it is inside a bulk request; the
 * path inside the record is kept here.
 */
public final class BodyLimitException extends JsonMappingException {
    private final String pathInRecord;
    private final String problem;

    BodyLimitException(String pathInRecord, String problem) {
        super(null, problem);
        this.pathInRecord = pathInRecord;
        this.problem = problem;
    }

    /** The dotted path inside the record that broke the limit; empty for the record itself. */
    public String pathInRecord() {
        return pathInRecord;
    }

    /** What is wrong, in Kibana's schema wording. */
    public String problem() {
        return problem;
    }
}
