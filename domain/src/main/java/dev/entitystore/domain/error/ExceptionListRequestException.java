package dev.entitystore.domain.error;

import java.util.List;

/** A request an exception-list handler refuses (400 in the security solution's shape). */
public final class ExceptionListRequestException extends ExceptionListException {
    public ExceptionListRequestException(String message) {
        super(message);
    }

    public ExceptionListRequestException(List<String> messages) {
        super(messages);
    }
}
