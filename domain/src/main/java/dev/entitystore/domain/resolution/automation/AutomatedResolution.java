package dev.entitystore.domain.resolution.automation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.history.EntityHistory;
import dev.entitystore.domain.resolution.EntityResolution;
import dev.entitystore.domain.resolution.ResolutionField;
import dev.entitystore.domain.resolution.rule.MatchKeys;
import dev.entitystore.domain.resolution.rule.ResolutionRule;
import dev.entitystore.domain.resolution.rule.ResolutionRules;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.store.EntityPage;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.StoredEntity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kibana's {@code automated-resolution} maintainer: runs a space's enabled rules over its records and links
 * the records that share a rule's key. It walks the records page by page ({@link EntityStore#scan}), looks
 * up the records sharing each page's keys through the search port, and links each set through the link
 * route's checks and atomic write, so a concurrent link or unlink is never overwritten. One run at a time.
 * A scheduled run gives way to imports ({@link GiveWay}): it waits between pages, without holding the run
 * lock, so an on-demand run asked for meanwhile runs at once.
 */
public final class AutomatedResolution {
    private static final Logger LOG = LoggerFactory.getLogger(AutomatedResolution.class);
    private static final int SCAN_PAGE = 100;
    /** A link takes at most 1,000 ids; a key shared by more is a shared mailbox or role account, not a person. */
    private static final int MAX_GROUP = 1000;
    /** Keys already handled in a rule's pass are not looked up again; the memory of them is bounded. */
    private static final int HANDLED_MEMORY = 100_000;

    private final EntityStore store;
    private final EngineManager engines;
    private final ResolutionRules rules;
    private final KeyGroups keyGroups;
    private final GroupLinker linker;
    private final ReentrantLock running = new ReentrantLock();
    private final MaintainerStates states;
    private final GiveWay scheduledGiveWay;

    /** @param scheduledGiveWay what the scheduled runs ({@link #runEverySpace}) wait for between pages */
    public AutomatedResolution(EntityStore store, EntitySearch search, EntityHistory history, EngineManager engines,
                               ResolutionRules rules, EntityResolution resolution, GiveWay scheduledGiveWay) {
        this.store = store;
        this.scheduledGiveWay = scheduledGiveWay;
        this.engines = engines;
        this.rules = rules;
        this.keyGroups = new KeyGroups(search);
        this.linker = new GroupLinker(resolution, new AnalystUnlinks(history));
        this.states = new MaintainerStates(store, java.time.Clock.systemUTC());
    }

    /** Whether the maintainer runs in each space, and how its runs went. */
    public MaintainerStates states() {
        return states;
    }

    /**
     * A run over every installed space where the maintainer is not stopped (the schedule's); a space that
     * fails is logged and the others still run. It gives way as {@code scheduledGiveWay} says; interrupted
     * while it waits (the server stops), it ends there.
     */
    public RunSummary runEverySpace() {
        RunSummary total = RunSummary.empty();
        for (String space : store.spaces()) {
            try {
                if (!engines.isInstalled(space) || states.stopped(space)) {
                    continue;
                }
                total = total.plus(run(space, scheduledGiveWay));
            } catch (CancellationException stopped) {
                LOG.info("automated resolution stopped while it gave way: {}", stopped.getMessage());
                break;
            } catch (RuntimeException failure) {
                LOG.warn("automated resolution of space {} failed, the next run tries again: {}", space,
                        failure.toString());
            }
        }
        return total;
    }

    /** A run over one space (the on-demand route's, which never waits); the store must be installed there. */
    public RunSummary run(String space) {
        return run(space, GiveWay.NEVER);
    }

    private RunSummary run(String space, GiveWay giveWay) {
        engines.requireInstalled(space);
        boolean succeeded = false;
        running.lock();
        try {
            RunTally tally = new RunTally();
            List<String> ran = new ArrayList<>();
            for (ResolutionRule rule : rules.enabled(space)) {
                if (rule.keys().isPresent()) {
                    ran.add(rule.id());
                    runRule(space, rule.keys().get(), tally, giveWay);
                }
            }
            RunSummary summary = tally.summary(ran);
            LOG.info("automated resolution of space {}: {}", space, summary);
            succeeded = true;
            return summary;
        } finally {
            running.unlock();
            recordRun(space, succeeded);
        }
    }

    /** A failure to record must not hide the run's own outcome (the store may be what failed). */
    private void recordRun(String space, boolean succeeded) {
        try {
            states.recordRun(space, succeeded);
        } catch (RuntimeException unrecorded) {
            LOG.warn("the automated resolution run of space {} could not be recorded: {}", space, unrecorded.toString());
        }
    }

    private void runRule(String space, MatchKeys keys, RunTally tally, GiveWay giveWay) {
        Set<String> handled = new HashSet<>();
        Set<String> tooLarge = new HashSet<>();
        String after = null;
        do {
            giveWayBetweenPages(space, giveWay);
            EntityPage page = store.scan(space, after, SCAN_PAGE);
            Set<String> wanted = new LinkedHashSet<>();
            for (StoredEntity entity : page.entities()) {
                if (KeyGroups.isUserRecord(entity.source())) {
                    for (String key : keys.keysOf(entity.source())) {
                        if (!handled.contains(key) && !tooLarge.contains(key)) {
                            wanted.add(key);
                        }
                    }
                }
            }
            if (!wanted.isEmpty()) {
                int largeBefore = tooLarge.size();
                Map<String, TreeMap<String, ObjectNode>> groups =
                        keyGroups.find(space, keys, new ArrayList<>(wanted), MAX_GROUP, tooLarge);
                tally.tooLarge += tooLarge.size() - largeBefore;
                if (handled.size() > HANDLED_MEMORY) {
                    handled.clear();
                }
                handled.addAll(wanted);
                groups.values().forEach(members -> resolve(space, keys, members, tally));
            }
            after = page.nextAfterId().orElse(null);
        } while (after != null);
    }

    /**
     * Waits while {@code giveWay} says so, with the run lock released (an on-demand run may take it meanwhile);
     * the walk then goes on from its page. Its links were each atomic, so nothing is half done while it waits.
     */
    private void giveWayBetweenPages(String space, GiveWay giveWay) {
        if (!giveWay.busy()) {
            return;
        }
        LOG.info("automated resolution of space {} waits: an import job is running", space);
        running.unlock();
        try {
            giveWay.awaitTurn();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for an import job to end");
        } finally {
            running.lock();
        }
        LOG.info("automated resolution of space {} goes on: no import job is running", space);
    }

    private void resolve(String space, MatchKeys keys, TreeMap<String, ObjectNode> members, RunTally tally) {
        if (members.size() < 2 || !keys.accepts(new ArrayList<>(members.values()))) {
            return;
        }
        Map<String, ObjectNode> byEuid = new LinkedHashMap<>();
        members.values().forEach(record -> {
            String euid = ResolutionField.euidOf(record);
            if (!euid.isEmpty()) {
                byEuid.put(euid, record);
            }
        });
        linker.resolve(space, byEuid, tally);
    }
}
