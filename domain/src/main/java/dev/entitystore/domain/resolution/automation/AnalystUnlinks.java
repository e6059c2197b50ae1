package dev.entitystore.domain.resolution.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.domain.history.ChangeOp;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.EntityHistory;
import dev.entitystore.domain.history.HistoryPage;
import dev.entitystore.domain.history.HistoryQuery;
import dev.entitystore.domain.history.WriteContext;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.resolution.ResolutionField;
import java.util.List;

/**
 * Tells, from the change history, whether an analyst took a record out of its group: the last change of its
 * {@code resolved_to} removed it in an update made by a person (the unlink route, or an update that dropped
 * the field), not by a link putting back what it had just written (a link that lost a race, or the job).
 * Such a record is left out of automated links until someone links it again by hand. Kibana's job, by
 * contrast, can pull it back in (its #260886).
 */
final class AnalystUnlinks {
    private static final HistoryQuery LAST_LINK_CHANGE =
            new HistoryQuery(null, 1, null, null, List.of(ResolutionField.RESOLVED_TO));

    private final EntityHistory history;

    AnalystUnlinks(EntityHistory history) {
        this.history = history;
    }

    boolean unlinked(String space, String euid) {
        HistoryPage page = history.changes(space, EntityIds.documentId(euid), LAST_LINK_CHANGE);
        if (page.changes().isEmpty()) {
            return false;
        }
        EntityChange last = page.changes().get(0);
        JsonNode link = last.fields().path(ResolutionField.RESOLVED_TO);
        return last.op() == ChangeOp.UPDATE && link.has("before") && !link.has("after")
                && !isLinkRevert(last.context().route());
    }

    /** Links undo their own writes only from the link route, the job's route, or the server's own thread. */
    private static boolean isLinkRevert(String route) {
        return route.equals(WriteContext.INTERNAL.route()) || route.endsWith("/resolution/link")
                || route.contains("/entity_maintainers/run/");
    }
}
