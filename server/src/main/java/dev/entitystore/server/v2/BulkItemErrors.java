package dev.entitystore.server.v2;

import dev.entitystore.api.model.BulkItemError;
import dev.entitystore.api.model.BulkUpdateResponse;
import dev.entitystore.domain.write.BulkItemFailure;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** The {@code errors} of a bulk answer (v2 update, v1 upsert): Kibana's keys plus the item's position and EUID. */
public final class BulkItemErrors {
    private BulkItemErrors() {
    }

    public static List<BulkItemError> of(List<BulkItemFailure> failures) {
        List<BulkItemError> errors = new ArrayList<>(failures.size());
        for (BulkItemFailure failure : failures) {
            errors.add(new BulkItemError().id(failure.docId()).status(failure.status())
                    .type(failure.type()).reason(failure.reason()).index(failure.index()).entityId(failure.euid()));
        }
        return errors;
    }

    /** The bulk's answer: {@code {"ok":true,"errors":[...]}}. */
    public static Response answer(List<BulkItemFailure> failures) {
        return Response.ok(new BulkUpdateResponse().ok(true).errors(of(failures))).build();
    }
}
