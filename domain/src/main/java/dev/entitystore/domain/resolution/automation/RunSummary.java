package dev.entitystore.domain.resolution.automation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a run of the automated resolution did.
 *
 * @param rules        the enabled rules that ran (ids, in rule order)
 * @param groups       sets of records sharing a rule's key that were not yet one group
 * @param linked       records linked to a target
 * @param keptUnlinked records left out because an analyst had unlinked them
 * @param conflicts    records or sets left as they were: joining them would move existing aliases to another
 *                     target, or a record changed while it was being linked (the next run tries again)
 * @param tooLarge     keys shared by more records than one link takes (a shared mailbox or a role account, most
 *                     likely): left alone
 */
public record RunSummary(List<String> rules, long groups, long linked, long keptUnlinked, long conflicts,
                         long tooLarge) {
    public RunSummary {
        rules = List.copyOf(rules);
    }

    public static RunSummary empty() {
        return new RunSummary(List.of(), 0, 0, 0, 0, 0);
    }

    /** This run's counts and the other's together (runs over several spaces). */
    public RunSummary plus(RunSummary other) {
        LinkedHashSet<String> both = new LinkedHashSet<>(rules);
        both.addAll(other.rules);
        return new RunSummary(new ArrayList<>(both), groups + other.groups, linked + other.linked,
                keptUnlinked + other.keptUnlinked, conflicts + other.conflicts, tooLarge + other.tooLarge);
    }
}
