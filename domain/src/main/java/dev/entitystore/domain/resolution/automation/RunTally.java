package dev.entitystore.domain.resolution.automation;

import java.util.List;

/** The counts of one run in one space, as it goes. */
final class RunTally {
    long groups;
    long linked;
    long keptUnlinked;
    long conflicts;
    long tooLarge;

    RunSummary summary(List<String> rules) {
        return new RunSummary(rules, groups, linked, keptUnlinked, conflicts, tooLarge);
    }
}
