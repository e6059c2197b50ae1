package dev.entitystore.domain.error;

import java.util.List;

/**
 * A failure of the exception-list routes raised inside their handlers, which Kibana answers in the
 * security solution's own shape, {@code {"message":...,"status_code":N}}: the message is one text, or a
 * list of texts where Kibana lists its validation problems.
 */
public abstract class ExceptionListException extends EntityStoreException {
    private final List<String> messages;

    protected ExceptionListException(String message) {
        super(message);
        this.messages = null;
    }

    protected ExceptionListException(List<String> messages) {
        super(String.join(", ", messages));
        this.messages = List.copyOf(messages);
    }

    /** The texts when Kibana answers a list of them; null when it answers one text (the message). */
    public List<String> messageList() {
        return messages;
    }
}
