package dev.entitystore.domain.error;

import java.util.List;

/**
 * A write names fields the entity definition does not allow without {@code force}: either fields the
 * definition does not know ({@link Reason#UNKNOWN}) or fields it restricts ({@link Reason#RESTRICTED}).
 * The {@link Wording} says which API generation asked, because the texts and the answer differ: the
 * legacy v1 API answers restricted fields with 403, every other case is a bad request.
 */
public class FieldsNotAllowedException extends InvalidRequestException {

    public enum Reason {
        /** Paths that are not destinations of the type's definition. */
        UNKNOWN,
        /** Known paths the API may update only with {@code force}. */
        RESTRICTED
    }

    public enum Wording {
        /** Current API: {@code Bad request: } prefix, unknown fields in brackets. */
        V2,
        /** Legacy API: no prefix, no brackets. */
        V1
    }

    private final Reason reason;
    private final Wording wording;
    private final List<String> fields;

    public FieldsNotAllowedException(Reason reason, Wording wording, List<String> fields, String message,
                                     Integer itemIndex) {
        super(message, itemIndex);
        this.reason = reason;
        this.wording = wording;
        this.fields = List.copyOf(fields);
    }

    public Reason reason() {
        return reason;
    }

    public Wording wording() {
        return wording;
    }

    /** The offending paths, in document order. */
    public List<String> fields() {
        return fields;
    }

    @Override
    public FieldsNotAllowedException atItem(int index) {
        return new FieldsNotAllowedException(reason, wording, fields, getMessage(), index);
    }
}
