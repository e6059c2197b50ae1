package dev.entitystore.domain.resolution.automation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.resolution.EntityResolution;
import dev.entitystore.domain.resolution.LinkResult;
import dev.entitystore.domain.resolution.ResolutionChangedException;
import dev.entitystore.domain.resolution.ResolutionField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one set of records that share a rule's key into one group, through the link route's own checks and
 * atomic write: the records already in a group join it; otherwise the preferred record becomes the target.
 * What it does not do, by design: move aliases from one target to another (two existing groups sharing a
 * key stay apart: that is an analyst's call), and link a record an analyst unlinked.
 */
final class GroupLinker {
    private static final Logger LOG = LoggerFactory.getLogger(GroupLinker.class);

    private final EntityResolution resolution;
    private final AnalystUnlinks analystUnlinks;

    GroupLinker(EntityResolution resolution, AnalystUnlinks analystUnlinks) {
        this.resolution = resolution;
        this.analystUnlinks = analystUnlinks;
    }

    /** {@code members}: EUID → record, every record sharing the key. */
    void resolve(String space, Map<String, ObjectNode> members, RunTally tally) {
        Set<String> roots = new LinkedHashSet<>();
        Set<String> targets = new LinkedHashSet<>();
        Map<String, ObjectNode> standalone = new LinkedHashMap<>();
        members.forEach((euid, record) -> {
            Optional<String> target = ResolutionField.resolvedTo(record);
            target.ifPresent(targets::add);
            target.ifPresentOrElse(roots::add, () -> {
                roots.add(euid);
                standalone.put(euid, record);
            });
        });
        if (roots.size() < 2) {
            return;
        }
        tally.groups++;
        if (targets.size() > 1) {
            tally.conflicts++;
            return;
        }
        standalone.keySet().removeIf(euid -> {
            boolean unlinked = analystUnlinks.unlinked(space, euid);
            tally.keptUnlinked += unlinked ? 1 : 0;
            return unlinked;
        });
        Optional<String> target = targets.isEmpty() ? TargetChoice.among(standalone) : Optional.of(targets.iterator().next());
        if (target.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(standalone.keySet());
        ids.remove(target.get());
        if (!ids.isEmpty()) {
            link(space, target.get(), ids, tally);
        }
    }

    private void link(String space, String target, List<String> ids, RunTally tally) {
        try {
            tally.linked += resolution.link(space, target, ids, false).linked().size();
        } catch (InvalidRequestException refused) {
            // One of them cannot be an alias (it has aliases of its own): link the others, leave it out.
            linkThoseAllowed(space, target, ids, tally);
        } catch (ResolutionChangedException changed) {
            leftForNextRun(space, target, changed, tally);
        }
    }

    private void linkThoseAllowed(String space, String target, List<String> ids, RunTally tally) {
        try {
            LinkResult plan = resolution.link(space, target, ids, true);
            tally.conflicts += plan.refused().size();
            if (!plan.linked().isEmpty()) {
                tally.linked += resolution.link(space, target, plan.linked(), false).linked().size();
            }
        } catch (InvalidRequestException | ResolutionChangedException changed) {
            leftForNextRun(space, target, changed, tally);
        }
    }

    /** Another writer got there in between (or the records no longer fit together): the next run retries. */
    private static void leftForNextRun(String space, String target, RuntimeException why, RunTally tally) {
        LOG.debug("automated link to {} in space {} left for the next run: {}", target, space, why.getMessage());
        tally.conflicts++;
    }
}
