package dev.entitystore.domain.search;

import dev.entitystore.domain.error.InvalidRequestException;

/**
 * A filter that parsed but is too large for the search engine to run: more clauses than it allows once
 * wildcard fields are expanded, or a wildcard pattern too complex to compile. The listing that asked
 * names the parameter in the client's message.
 */
public final class QueryTooComplexException extends InvalidRequestException {
    public QueryTooComplexException(String reason) {
        super(reason);
    }
}
